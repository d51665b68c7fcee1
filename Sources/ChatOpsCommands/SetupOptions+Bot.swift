import Approvals
import ChatOpsConfig
import ChatOpsCore
import Conversation
import Execution
import Foundation
import GitHubPlatform
import Logging
import RequestStore
import Understanding

extension SetupOptions {
    /// The store file: `--store`, else `CHATOPS_STORE` / `store.path` (applied by the loader).
    func storePath(_ configuration: ChatOpsConfiguration) -> String {
        store ?? configuration.storePath
    }

    /// Opens (creating if needed) the store.
    func openStore(_ configuration: ChatOpsConfiguration) throws -> SQLiteApprovalStore {
        let path = storePath(configuration)
        do { return try SQLiteApprovalStore(path: path) } catch {
            throw SetupError(message: "store error: \(error)")
        }
    }

    /// Opens an existing store for reading: a missing file is an error, not a new empty store.
    func openExistingStore(_ configuration: ChatOpsConfiguration) throws -> SQLiteApprovalStore {
        let path = storePath(configuration)
        guard FileManager.default.fileExists(atPath: path) else {
            throw SetupError(message: "no store at \(path): it is created by the first `chatops say` (or the server); "
                             + "pass --store PATH or set CHATOPS_STORE to read another")
        }
        return try openStore(configuration)
    }

    func loadPolicy(_ configuration: ChatOpsConfiguration) throws -> Policy {
        do { return try PolicySection.parse(configuration.policy, catalog: configuration.catalog) } catch {
            throw SetupError(message: "configuration error: \(error)")
        }
    }

    /// The whole bot on this configuration: rules, policy, store, executors.
    func makeBot(dryRun: Bool) throws -> ChatBot {
        try makeBotAndConfiguration(dryRun: dryRun).bot
    }

    /// The bot and the configuration it was built from (the server also reads platform settings).
    func makeBotAndConfiguration(dryRun: Bool) throws -> (bot: ChatBot, configuration: ChatOpsConfiguration) {
        let (configuration, classifier) = try loadClassifier()
        let bot = makeBot(configuration: configuration, classifier: classifier, policy: try loadPolicy(configuration),
                          store: try openStore(configuration), dryRun: dryRun)
        return (bot, configuration)
    }

    /// The bot `chatops serve` runs: GitHub logins in the policy are pinned to their numeric user
    /// ids first (looked up once, then read from the store), so a renamed login grants nothing.
    func makeServedBot(dryRun: Bool, logger: Logger) async throws -> (bot: ChatBot, configuration: ChatOpsConfiguration) {
        let (configuration, classifier) = try loadClassifier()
        let store = try openStore(configuration)
        let policy: Policy
        do {
            policy = try await GitHubIdentityPinning.pinnedPolicy(try loadPolicy(configuration), configuration: configuration,
                                                                  store: store, logger: logger)
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError(message: "configuration error: \(error)")
        }
        return (makeBot(configuration: configuration, classifier: classifier, policy: policy, store: store, dryRun: dryRun),
                configuration)
    }

    func makeBot(configuration: ChatOpsConfiguration, classifier: RuleClassifier, policy: Policy, store: any ApprovalStore,
                 dryRun: Bool) -> ChatBot {
        let environment = ProcessInfo.processInfo.environment
        var registry = ExecutorRegistry(configuration: configuration)
        BackendExecutors.register(into: &registry, configuration: configuration)
        return ChatBot(classifier: classifier, policy: policy, catalog: configuration.catalog,
                          store: store, registry: registry,
                          isDryRun: dryRun || configuration.isDryRun,
                          crashpoint: Crashpoint(armed: environment["CHATOPS_CRASHPOINT"]),
                          limiter: CommandRateLimiter(settings: configuration.settings))
    }
}
