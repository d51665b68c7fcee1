import ChatOpsConfig
import Execution
import ReplyModel

/// `drift [MODEL]`: reads the model's MLflow experiment and compares the latest finished run's
/// metric with the baseline (configured, or the best earlier run). Only reads.
public struct DriftExecutor: Executor {
    let reader: DriftReader
    let catalog: Catalog

    public init(reader: DriftReader, catalog: Catalog) {
        self.reader = reader
        self.catalog = catalog
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
        do {
            switch DriftReply.result(try await reader.outcome(for: choice.model), model: choice.app.name) {
            case .computed(let reply): return .succeeded(reply)
            case .notComputed(let text): return .failed(.text(text, severity: .warning))
            }
        } catch {
            return .failed(.text("\(error)", severity: .failure))
        }
    }
}
