import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import ModelBackend
import ReplyModel
import Synchronization
import Testing

@Suite("drift against a fake MLflow (captured MLflow 3.17.2 answers)", .serialized)
struct DriftExecutorTests {
    @Test("reads the experiment by name, searches its finished runs, and compares the latest run with the best earlier one")
    func capturedRuns() async throws {
        let fake = try await FakeMLflow.start()
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake)
        #expect(result.isSuccess)

        #expect(fake.requests.map { "\($0.method) \($0.path)" } == [
            "GET /api/2.0/mlflow/experiments/get-by-name", "POST /api/2.0/mlflow/runs/search",
        ])
        #expect(fake.requests[0].query == "experiment_name=iris-classification")
        let search = fake.requests[1]
        #expect(search.header("Content-Type")?.hasPrefix("application/json") == true)
        let body = try #require(search.json)
        let captured = try #require(ModelFixtures.json("runs-search.request.json") as? [String: Any])
        #expect(Set(body.keys) == Set(captured.keys))
        let experiment = try #require((ModelFixtures.json("experiments-get-by-name.response.json") as? [String: Any])?["experiment"]
            as? [String: Any])
        #expect(body["experiment_ids"] as? [String] == [experiment["experiment_id"] as? String].compactMap { $0 })
        #expect(body["filter"] as? String == "attributes.status = 'FINISHED'")
        #expect(body["order_by"] as? [String] == ["attributes.start_time DESC"])
        #expect(body["max_results"] as? Int == 100)

        // The capture's runs by start time: logreg-C0.1 (0.9333), logreg-C1.0 (0.9667), logreg-C10.0 (0.9556).
        // Current = logreg-C10.0; baseline = the best earlier = logreg-C1.0; drift = (0.9667 − 0.9556) / 0.9667 × 100.
        let drift = (0.9667 - 0.9556) / 0.9667 * 100
        #expect(result.reply.severity == .success)
        #expect(result.text == """
            iris-classifier: accuracy dropped \(String(format: "%.2f%%", drift)) against the baseline — P2
            Experiment: iris-classification
            Metric: accuracy (higher is better)
            Current run: logreg-C10.0 (d949746e): 0.9556
            Baseline run: logreg-C1.0 (df621e52): 0.9667, the best accuracy of the 2 earlier runs
            Drift: 1.15%
            Priority: P2
            Trend: ▁[█]▆ (3 runs, oldest first; [ ] is the baseline)
            """)
    }

    @Test("severity follows the priority: P0 is a failure, P1 a warning", arguments: [
        (0.80, "P0", Severity.failure),  // (0.9667 − 0.80) / 0.9667 ≈ 17.2%
        (0.91, "P1", .warning),  // ≈ 5.9%
    ])
    func severityByPriority(latest: Double, priority: String, severity: Severity) async throws {
        let fake = try await FakeMLflow.start { _ in
            FakeMLflow.runs { runs in runs.map { run in Self.setting(run, id: "d949746ee5774a9ba51705640da9d0bf", accuracy: latest) } }
        }
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake)
        #expect(result.isSuccess)
        #expect(result.reply.severity == severity)
        #expect(result.fields["Priority"] == priority)
        // P0 offers the fix as a button that says `retrain iris-classifier` as whoever clicks it.
        let retrain = result.reply.buttons.map(\.action)
        #expect(retrain == (priority == "P0" ? [.retrain("iris-classifier")] : []))
        #expect(retrain.first.map(\.commandText) == (priority == "P0" ? "retrain iris-classifier" : nil))
    }

    @Test("runs without the metric are skipped")
    func runsWithoutTheMetric() async throws {
        let fake = try await FakeMLflow.start { _ in
            FakeMLflow.runs { runs in runs.map { Self.setting($0, id: "d949746ee5774a9ba51705640da9d0bf", accuracy: nil) } }
        }
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake)
        // Without logreg-C10.0, logreg-C1.0 (0.9667) is the latest and logreg-C0.1 (0.9333) the only earlier run.
        #expect(result.fields["Current run"] == "logreg-C1.0 (df621e52): 0.9667")
        #expect(result.fields["Baseline run"] == "logreg-C0.1 (6a7a3fb5): 0.9333, the best accuracy of the 1 earlier run")
        #expect(result.fields["Drift"] == String(format: "%.2f%%", (0.9333 - 0.9667) / 0.9333 * 100))
        #expect(result.text.hasPrefix("iris-classifier: accuracy improved"))
    }

    @Test("a configured baseline run is read by id and used")
    func configuredBaseline() async throws {
        let fake = try await FakeMLflow.start()
        defer { Task { await fake.stop() } }
        let iris = ModelFixtures.iris
        let pinned = ModelConfig(name: iris.name, features: iris.features, classes: iris.classes, mlflowExperiment: iris.mlflowExperiment,
                                 metric: iris.metric, baselineRun: "6a7a3fb59b18451b98efb60494b045f8")
        let result = await FakeMLflow.drift(fake: fake, catalog: ModelFixtures.catalog(pinned))
        #expect(result.isSuccess)
        #expect(fake.requests.last?.method == "GET")
        #expect(fake.requests.last?.path == "/api/2.0/mlflow/runs/get")
        #expect(fake.requests.last?.query == "run_id=6a7a3fb59b18451b98efb60494b045f8")
        #expect(result.fields["Baseline run"] == "logreg-C0.1 (6a7a3fb5): 0.9333, configured (model.baseline_run)")
        #expect(result.fields["Drift"] == String(format: "%.2f%%", (0.9333 - 0.9556) / 0.9333 * 100))

        let missing = ModelConfig(name: iris.name, mlflowExperiment: iris.mlflowExperiment, metric: iris.metric, baselineRun: "0123abcd")
        let failed = await FakeMLflow.drift(fake: fake, catalog: ModelFixtures.catalog(missing))
        #expect(!failed.isSuccess)
        #expect(failed.text == "MLflow answered 404 for run 0123abcd: there is no MLflow run 0123abcd (check model.baseline_run) "
            + "— RESOURCE_DOES_NOT_EXIST: Run with id=0123abcd not found")
    }

    @Test("an empty experiment (MLflow answers {}) and a single run say there is nothing to compare")
    func nothingToCompare() async throws {
        let empty = try await FakeMLflow.start { _ in .json(ModelFixtures.text("runs-search.empty.response.json")) }
        defer { Task { await empty.stop() } }
        let result = await FakeMLflow.drift(fake: empty)
        #expect(!result.isSuccess)
        #expect(result.reply.severity == .warning)
        #expect(result.text.hasPrefix("MLflow experiment iris-classification has no finished run that logged accuracy yet"))

        let single = try await FakeMLflow.start { _ in FakeMLflow.runs { Array($0.prefix(1)) } }
        defer { Task { await single.stop() } }
        let one = await FakeMLflow.drift(fake: single)
        #expect(!one.isSuccess)
        #expect(one.text.contains("no earlier run to compare with"))
    }

    @Test("next_page_token is followed, up to the page bound")
    func paging() async throws {
        let pages = Mutex(0)
        let fake = try await FakeMLflow.start { _ in
            let page = pages.withLock { count -> Int in count += 1; return count }
            return FakeMLflow.runs({ runs in page <= 3 ? [runs[page - 1]] : [] }, nextPageToken: "token-\(page)")
        }
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake, maxPages: 3)
        let searches = fake.requests.filter { $0.path == "/api/2.0/mlflow/runs/search" }
        #expect(searches.count == 3)
        #expect(searches.map { $0.json?["page_token"] as? String } == [nil, "token-1", "token-2"])
        #expect(result.fields["Current run"] == "logreg-C10.0 (d949746e): 0.9556")
    }

    /// The run with `id` given another accuracy, or none.
    static func setting(_ run: [String: Any], id: String, accuracy: Double?) -> [String: Any] {
        guard (run["info"] as? [String: Any])?["run_id"] as? String == id else { return run }
        var run = run, data = run["data"] as! [String: Any]
        var metrics = (data["metrics"] as! [[String: Any]]).filter { $0["key"] as? String != "accuracy" }
        if let accuracy { metrics.append(["key": "accuracy", "value": accuracy, "timestamp": 1, "step": 0]) }
        data["metrics"] = metrics
        run["data"] = data
        return run
    }
}
