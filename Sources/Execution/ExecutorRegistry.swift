import ChatOpsConfig
import ChatOpsCore

/// Which executor carries out which intent. Built from the configuration: a backend that is not
/// configured answers with what to set; backends register their real executors over these.
public struct ExecutorRegistry: Sendable {
    var executors: [Intent: any Executor]
    public let planner: ActionPlanner

    public init(configuration: ChatOpsConfiguration) {
        planner = ActionPlanner(catalog: configuration.catalog)
        executors = [:]
        for intent in Intent.allCases {
            guard let backend = Backend.needed(by: intent) else { continue }
            let problem: BackendProblemExecutor.Problem = backend.isConfigured(in: configuration.settings)
                ? .notInThisBuild : .notConfigured(configFile: configuration.source)
            executors[intent] = BackendProblemExecutor(backend: backend, problem: problem, planner: planner)
        }
        executors[.help] = HelpExecutor(catalog: configuration.catalog)
    }

    public mutating func register(_ executor: any Executor, for intents: [Intent]) {
        for intent in intents { executors[intent] = executor }
    }

    /// Nil for the intents the conversation carries out itself (approve, deny, freeze, unfreeze).
    public func executor(for intent: Intent) -> (any Executor)? { executors[intent] }
}
