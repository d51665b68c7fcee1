import ChatOpsCore

/// Who may do what where, as configured. `PolicyEngine` turns it into decisions.
public struct Policy: Sendable, Hashable {
    /// Identity names and the platform user ids that are that person (`alice: [console:alice, slack:U0123]`).
    public var identities: [String: Set<String>]
    /// Named groups of identities (`alice`, or a platform-qualified id such as `slack:U0123`).
    /// The member `*` means every verified user.
    public var groups: [String: Set<String>]
    /// Rules in order; the first whose intents and environments cover a request applies.
    public var rules: [PolicyRule]
    /// Whether users the configuration does not name may run read-only intents (`unknown_users:
    /// read_only`); closed by default.
    public var unknownUsersMayRead: Bool
    /// Who may freeze and unfreeze environments (a group); nil: the policy rules decide.
    public var freezeGroup: String?

    public init(identities: [String: Set<String>] = [:], groups: [String: Set<String>] = [:], rules: [PolicyRule] = [],
                unknownUsersMayRead: Bool = false, freezeGroup: String? = nil) {
        self.identities = identities
        self.groups = groups
        self.rules = rules
        self.unknownUsersMayRead = unknownUsersMayRead
        self.freezeGroup = freezeGroup
    }
}

/// One policy rule: for these intents in these environments, who may request, and how approval works.
public struct PolicyRule: Sendable, Hashable {
    public enum Selector<Value: Hashable & Sendable>: Sendable, Hashable {
        case any
        case only(Set<Value>)

        func covers(_ value: Value?) -> Bool {
            switch self {
            case .any: return true
            case .only(let values): return value.map(values.contains) ?? false
            }
        }
    }

    public var intents: Selector<Intent>
    public var environments: Selector<String>
    /// Groups whose members may request; nil: anyone known.
    public var requesters: [String]?
    /// Whether a human must approve first; nil: the defaults (mutations in protected environments).
    public var needsApproval: Bool?
    /// The group whose members may approve.
    public var approvers: String?
    /// Distinct approvals needed.
    public var quorum: Int
    /// How long a request waits for approval, in seconds.
    public var ttl: Int

    public init(intents: Selector<Intent> = .any, environments: Selector<String> = .any, requesters: [String]? = nil,
                needsApproval: Bool? = nil, approvers: String? = nil, quorum: Int = 1, ttl: Int = 3600) {
        self.intents = intents
        self.environments = environments
        self.requesters = requesters
        self.needsApproval = needsApproval
        self.approvers = approvers
        self.quorum = quorum
        self.ttl = ttl
    }

    func covers(_ intent: Intent, env: String?) -> Bool {
        intents.covers(intent) && (environments == .any || environments.covers(env))
    }
}
