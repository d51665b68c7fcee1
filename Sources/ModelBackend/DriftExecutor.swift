import ChatOpsConfig
import Execution
import ReplyModel

/// `drift [MODEL]`: reads the model's MLflow experiment and compares the latest finished run's
/// metric with the baseline (configured, or the best earlier run). Only reads.
public struct DriftExecutor: Executor {
    let reader: DriftReader
    let catalog: Catalog
    /// Adds the drift analysis (classification, priority, causes, actions, a retrain decision)
    /// when a language model is configured.
    let analyst: (any Analyst)?

    public init(reader: DriftReader, catalog: Catalog, analyst: (any Analyst)? = nil) {
        self.reader = reader
        self.catalog = catalog
        self.analyst = analyst
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        let choice: ModelChoice
        switch ModelChoice.resolve(input, in: catalog) {
        case .failure(let refusal): return ["make no call: \(refusal.text)"]
        case .success(let chosen): choice = chosen
        }
        guard let experiment = (try? DriftReader.target(of: choice.model))?.experiment else {
            return ["make no call: model \(choice.model.name) has no mlflow_experiment and metric configured"]
        }
        let client = reader.client
        let search = try? client.searchRequest(experimentID: "ID", pageToken: nil, subject: experiment)
        var lines = ["GET \(client.experimentRequest(experiment).url) (ID = its experiment_id)",
                     "POST \(client.baseURL)/runs/search " + (search?.body.map { String(decoding: $0, as: UTF8.self) } ?? "")
                        + " (following next_page_token, at most \(client.maxPages) pages)"]
        if let run = choice.model.baselineRun { lines.append("GET \(client.runRequest(run).url)") }
        return lines
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let choice: ModelChoice
        switch ModelChoice.resolve(input, in: catalog) {
        case .failure(let refusal): return .failed(refusal.text)
        case .success(let chosen): choice = chosen
        }
        let outcome: DriftOutcome
        do { outcome = try await reader.outcome(for: choice.model) } catch {
            return .failed(.text("\(error)", severity: .failure))
        }
        switch DriftReply.result(outcome, model: choice.app.name) {
        case .computed(let computed):
            guard case .drift(let report) = outcome else { return .succeeded(computed) }
            var reply = computed
            if let analyst { reply = await analysed(reply, report, model: choice.app.name, analyst: analyst) }
            // P0: the model is wrong in production; offer the fix (policy and approvals apply to the click).
            if report.priority == .p0 {
                reply.blocks.append(.buttons([ReplyButton(label: "Retrain \(choice.app.name)", action: .retrain(choice.app.name),
                                                          style: .primary)]))
            }
            return .succeeded(reply)
        case .notComputed(let text):
            return .failed(.text(text, severity: .warning))
        }
    }

    /// The numbers, the model's analysis of them, and the numbers again as collapsed evidence.
    func analysed(_ reply: Reply, _ report: DriftReport, model: String, analyst: any Analyst) async -> Reply {
        let evidence = PlainTextRenderer.render(reply)
        let values: [String: AnalysisValue] = [
            "model": .text(model), "metric": .text(report.metric), "baseline": .text(DriftReply.number(report.baseline.value)),
            "threshold": "more than 10% worse than the baseline is P0, 5–10% P1, less P2",
            "latest": .text(DriftReply.number(report.current.value)),
            "trend": .text(DriftTrend.values(report)),
        ]
        let analysis = await analyst.analyse(AnalysisRequest(prompt: "drift", values: values, evidence: evidence))
        return Reply(reply.severity, reply.blocks + analysis.blocks + [.evidence(title: "Evidence: the MLflow runs compared", body: evidence)])
    }
}
