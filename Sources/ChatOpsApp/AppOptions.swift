import Approvals
import ChatOpsCore
import Conversation
import Execution
import Foundation
import Logging

/// How to build the app: where its files are, and what tests replace.
public struct AppOptions: Sendable {
    /// The configuration file (default: `CHATOPS_CONFIG`, else the shipped example).
    public var configPath: String?
    /// The rules folder (default: the configuration's `rules.path`).
    public var rulesPath: String?
    /// The prompts folder (default: the configuration's `prompts.path`).
    public var promptsPath: String?
    /// The store file (default: `CHATOPS_STORE`, else the configuration's `store.path`).
    public var storePath: String?
    /// A store the caller made (tests: in memory); wins over `storePath`.
    public var store: (any ApprovalStore)?
    public var dryRun: Bool
    /// The process environment: settings overrides, kubeconfig, the in-cluster service account.
    public var environment: [String: String]
    public var logger: Logger
    /// Run the platforms' preparation (GitHub logins pinned to ids): what `serve` does.
    public var preparePlatforms: Bool
    /// Executors that replace a module's for these intents (tests register fakes here, never in
    /// place of client code).
    public var executorOverrides: [(any Executor, [Intent])]
    /// Overrides the configured rate limits (tests).
    public var limiter: CommandRateLimiter?
    public var now: @Sendable () -> Date

    public init(configPath: String? = nil, rulesPath: String? = nil, promptsPath: String? = nil, storePath: String? = nil, store: (any ApprovalStore)? = nil,
                dryRun: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment,
                logger: Logger = Logger(label: "chatops"), preparePlatforms: Bool = false,
                executorOverrides: [(any Executor, [Intent])] = [], limiter: CommandRateLimiter? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configPath = configPath
        self.rulesPath = rulesPath
        self.promptsPath = promptsPath
        self.storePath = storePath
        self.store = store
        self.dryRun = dryRun
        self.environment = environment
        self.logger = logger
        self.preparePlatforms = preparePlatforms
        self.executorOverrides = executorOverrides
        self.limiter = limiter
        self.now = now
    }
}
