import Approvals
import ChatOpsConfig
import Execution
import Synchronization
import Understanding

/// What a reload replaces: the rules, the policy, the catalog and the executors built from the
/// configuration.
struct BotRules: Sendable {
    let classifier: RuleClassifier
    let policy: Policy
    let policyEngine: PolicyEngine
    let catalog: Catalog
    let runner: ExecutionRunner

    init(classifier: RuleClassifier, policy: Policy, catalog: Catalog, registry: ExecutorRegistry) {
        self.classifier = classifier
        self.policy = policy
        self.catalog = catalog
        policyEngine = PolicyEngine(policy: policy, protectedEnvironments: Set(catalog.environments.filter(\.isProtected).map(\.name)))
        runner = ExecutionRunner(registry: registry)
    }
}

/// The set in force, shared by every copy of the bot.
final class LoadedSet: Sendable {
    private let inForce: Mutex<BotRules>

    init(_ rules: BotRules) {
        inForce = Mutex(rules)
    }

    var current: BotRules { inForce.withLock { $0 } }

    func replace(with rules: BotRules) { inForce.withLock { $0 = rules } }
}

extension ChatBot {
    /// Puts a new set in force (SIGHUP): messages from now on are understood, decided and run with
    /// it; requests already stored keep what they were decided with.
    public func reload(classifier: RuleClassifier, policy: Policy, catalog: Catalog, registry: ExecutorRegistry) {
        loaded.replace(with: BotRules(classifier: classifier, policy: policy, catalog: catalog, registry: registry))
    }
}
