import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation

struct NoProgress: ProgressReporter {
    func report(_ text: String) async {}
}

/// Captured payloads (`Fixtures/`, from a real MLServer 1.7.1 and a real MLflow 3.17.2) and the
/// shipped example configuration.
enum ModelFixtures {
    static func text(_ name: String) -> String {
        try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
    }

    static func json(_ name: String) -> Any {
        try! JSONSerialization.jsonObject(with: Data(text(name).utf8))
    }

    static let exampleCatalog = try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig).catalog

    /// The example's iris model with other settings (a baseline run, no features…).
    static func catalog(_ model: ModelConfig) -> Catalog {
        Catalog(environments: exampleCatalog.environments,
                apps: [AppConfig(name: "iris-classifier", aliases: ["iris"], model: model)])
    }

    static let iris = exampleCatalog.model(named: "iris-classifier")!.model!

    static func input(_ intent: Intent, model: String? = "iris-classifier", features: [Double]? = nil,
                      requestID: Int64? = 7, isDryRun: Bool = false) -> ExecutionInput {
        var slots: [String: SlotValue] = [:]
        if let model { slots["model"] = .string(model) }
        if let features { slots["features"] = .numbers(features) }
        return ExecutionInput(requestID: requestID, command: ParsedCommand(intent: intent, slots: slots, source: .rule, ruleID: nil),
                              requester: "alice", channel: nil, isDryRun: isDryRun)
    }
}
