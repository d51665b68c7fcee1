import Approvals
import ChatOpsConfig
import ChatOpsTestSupport
import Conversation
import Execution
import RequestStore
import RuleEngine
import Understanding

/// The bot on the shipped rules and example configuration, with an in-memory store.
enum BotFactory {
    static func bot() throws -> ChatBot {
        let configuration = try ConfigurationLoader(environment: [:]).load(path: RepositoryPaths.exampleConfig)
        let rules = try RuleFileLoader().load(directory: RepositoryPaths.rules)
        return ChatBot(classifier: RuleClassifier(rules: rules, configuration: configuration),
                       policy: try PolicySection.parse(configuration.policy, catalog: configuration.catalog),
                       catalog: configuration.catalog, store: try SQLiteApprovalStore.inMemory(),
                       registry: ExecutorRegistry(configuration: configuration), isDryRun: false)
    }
}
