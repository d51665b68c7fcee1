import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import ModelBackend
import Testing

@Suite("drift: every error answer of MLflow becomes a clear failure", .serialized)
struct DriftErrorTests {
    static let experiment = "experiment iris-classification"

    @Test("errors answered to every call", arguments: [
        (404, #"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Could not find experiment with name 'iris-classification'"}"#, 1,
         "MLflow answered 404 for \(experiment): there is no MLflow experiment named iris-classification (check "
            + "model.mlflow_experiment) — RESOURCE_DOES_NOT_EXIST: Could not find experiment with name 'iris-classification'"),
        (401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html on how to authenticate.", 1,
         "MLflow answered 401 for \(experiment): MLflow wants credentials: set CHATOPS_MLFLOW_USERNAME and CHATOPS_MLFLOW_PASSWORD "
            + "(MLflow's basic auth), or CHATOPS_MLFLOW_TOKEN"),
        (403, "Permission denied", 1,
         "MLflow answered 403 for \(experiment): the bot's MLflow user lacks READ permission on the experiment; grant it READ "
            + "— Permission denied"),
        (409, #"{"error_code":"RESOURCE_CONFLICT","message":"conflict"}"#, 1,
         "MLflow answered 409 for \(experiment): the server refused the request as conflicting with its state"),
        (429, #"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}"#, 1,
         "MLflow is rate limiting the bot (429) for \(experiment): try again in a minute"),
        (500, #"{"error_code":"INTERNAL_ERROR","message":"database is locked"}"#, 1,
         "MLflow answered 500 for \(experiment): MLflow failed; check its log and try again — INTERNAL_ERROR: database is locked"),
        (502, "<html>Bad Gateway</html>", 3,
         "MLflow answered 502 for \(experiment): MLflow or a proxy in front of it is unavailable; try again shortly"),
        (200, "{not json", 1,
         "MLflow's answer for \(experiment) could not be read: an experiment expected, got {not json — check that "
            + "CHATOPS_MLFLOW_URL (backends.mlflow.url) points at the right server"),
    ])
    func everyCall(code: Int, body: String, calls: Int, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(body, status: code) }
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake)
        #expect(!result.isSuccess)
        #expect(result.reply.severity == .failure)
        #expect(result.text.hasPrefix(expected))
        #expect(fake.requests.count == calls)
    }

    @Test("the run search's own errors: a refused filter (captured), a malformed page")
    func searchErrors() async throws {
        let refused = try await FakeMLflow.start { _ in .json(ModelFixtures.text("runs-search.bad-filter.error.json"), status: 400) }
        defer { Task { await refused.stop() } }
        let result = await FakeMLflow.drift(fake: refused)
        #expect(!result.isSuccess)
        #expect(result.text == "MLflow answered 400 for \(Self.experiment): MLflow refused the request; check model.mlflow_experiment "
            + "and model.metric in the configuration — INVALID_PARAMETER_VALUE: Invalid comparator '>>>' not one of "
            + "'{'=', '<=', '!=', '>=', '>', '<'}")

        let garbled = try await FakeMLflow.start { _ in .json(#"{"runs": [{"info": 7}]}"#) }
        defer { Task { await garbled.stop() } }
        let bad = await FakeMLflow.drift(fake: garbled)
        #expect(!bad.isSuccess)
        #expect(bad.text.hasPrefix("MLflow's answer for \(Self.experiment) could not be read: a page of runs expected"))
    }

    @Test("an MLflow that does not answer in time is a failure naming the experiment and the setting to check")
    func timeout() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: .seconds(5))
            return .json("{}")
        }
        defer { Task { await fake.stop() } }
        let result = await FakeMLflow.drift(fake: fake, timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("MLflow did not answer for \(Self.experiment): MLflow could not be reached at "))
        #expect(result.text.hasSuffix(" — check CHATOPS_MLFLOW_URL (backends.mlflow.url) and that the server is up and reachable "
            + "from the bot"))
    }

    @Test("a model without an MLflow experiment or metric is refused before any call")
    func unconfigured() async throws {
        let fake = try await FakeMLflow.start()
        defer { Task { await fake.stop() } }
        let noExperiment = await FakeMLflow.drift(fake: fake, catalog: ModelFixtures.catalog(ModelConfig(name: "iris-classifier", metric: "accuracy")))
        #expect(noExperiment.text == "Model iris-classifier has no MLflow experiment configured: set model.mlflow_experiment for it in "
            + "the configuration")
        let noMetric = await FakeMLflow.drift(fake: fake, catalog: ModelFixtures.catalog(ModelConfig(name: "iris-classifier",
                                                                                                    mlflowExperiment: "iris")))
        #expect(noMetric.text.hasPrefix("Model iris-classifier has no drift metric configured"))
        #expect(fake.requests.isEmpty)
    }

    @Test("the plan lists the exact calls, and an experiment name is escaped in the query")
    func plan() {
        let client = MLflowClient(baseURL: "http://mlflow:5000/", client: TestHTTP.api("MLflow"))
        let iris = ModelFixtures.iris
        let model = ModelConfig(name: iris.name, mlflowExperiment: "iris & co", metric: "accuracy", baselineRun: "abc123")
        let lines = DriftExecutor(reader: DriftReader(client: client), catalog: ModelFixtures.catalog(model)).plan(ModelFixtures.input(.drift))
        #expect(lines == [
            "GET http://mlflow:5000/api/2.0/mlflow/experiments/get-by-name?experiment_name=iris%20%26%20co (ID = its experiment_id)",
            #"POST http://mlflow:5000/api/2.0/mlflow/runs/search {"experiment_ids":["ID"],"filter":"attributes.status = 'FINISHED'","#
                + #""max_results":100,"order_by":["attributes.start_time DESC"]} (following next_page_token, at most 10 pages)"#,
            "GET http://mlflow:5000/api/2.0/mlflow/runs/get?run_id=abc123",
        ])
    }
}
