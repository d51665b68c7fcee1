import ChatOpsConfig
import ChatOpsCore

/// Which executor carries out which intent. The composition root fills it from the registered
/// backend modules (their executors, or a problem executor saying what to configure); `help` is
/// the bot's own.
public struct ExecutorRegistry: Sendable {
    var executors: [Intent: any Executor]

    public init(catalog: Catalog) {
        executors = [.help: HelpExecutor(catalog: catalog)]
    }

    public mutating func register(_ executor: any Executor, for intents: [Intent]) {
        for intent in intents { executors[intent] = executor }
    }

    /// Nil for the intents the conversation carries out itself (approve, deny, freeze, unfreeze)
    /// and for those no registered module serves.
    public func executor(for intent: Intent) -> (any Executor)? { executors[intent] }

    /// The intents some executor serves.
    public var servedIntents: Set<Intent> { Set(executors.keys) }
}
