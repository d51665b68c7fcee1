import ChatOpsCore

/// Applies a `Policy`. Defaults a careful team would choose: read-only intents need no approval;
/// a mutating intent in a protected environment needs one (a rule may say otherwise), except
/// `freeze`, the kill switch, which must not wait. Floors that hold whatever the configuration
/// says: `deploy` and `promote` to a protected environment always need approval, and nobody
/// approves their own request.
public struct PolicyEngine: Sendable {
    public let policy: Policy
    /// Environments that get the strictest floors (`prod`).
    public let protectedEnvironments: Set<String>
    /// Approval wait when no rule sets one.
    public static let defaultTTL = 3600

    public init(policy: Policy, protectedEnvironments: Set<String>) {
        self.policy = policy
        self.protectedEnvironments = protectedEnvironments
    }

    /// The groups `principal` belongs to (`*` groups included for a known user).
    public func groups(of principal: Principal) -> Set<String> {
        Set(policy.groups.filter { !$0.value.isDisjoint(with: principal.memberships) || (principal.isKnown && $0.value.contains("*")) }.keys)
    }

    public func decide(_ intent: Intent, env: String?, requester: Principal) -> PolicyDecision {
        if !requester.isKnown && intent != .help && (intent.isMutating || !policy.unknownUsersMayRead) {
            return .refused(reason: "you are not in this bot's configuration; ask an admin to map your user to an identity")
        }
        if intent == .freeze || intent == .unfreeze, let group = policy.freezeGroup, !groups(of: requester).contains(group) {
            return .refused(reason: "only members of '\(group)' may \(intent.rawValue) environments")
        }
        let rule = policy.rules.first { $0.covers(intent, env: env) }
        if let allowed = rule?.requesters, !allowed.contains(where: groups(of: requester).contains) {
            return .refused(reason: "\(requester.name) may not use '\(intent.rawValue)'\(env.map { " in \($0)" } ?? ""); "
                            + "allowed groups: \(allowed.joined(separator: ", "))")
        }
        guard intent.isMutating, intent != .approve, intent != .deny else { return .allowed }

        let isProtected = env.map(protectedEnvironments.contains) ?? false
        var needsApproval = rule?.needsApproval ?? (isProtected && intent != .freeze)
        if isProtected && (intent == .deploy || intent == .promote) { needsApproval = true }
        guard needsApproval else { return .allowed }
        return .needsApproval(approvers: rule?.approvers, quorum: max(1, rule?.quorum ?? 1), ttl: rule?.ttl ?? Self.defaultTTL)
    }

    /// Whether `approver` may approve or deny a request of `requester` that needs `approvers`.
    public func mayDecide(approver: Principal, requester: String, approvers: String?) -> Result<Void, ApprovalRefusal> {
        guard approver.name != requester else { return .failure(.ownRequest) }
        guard approver.isKnown else { return .failure(.unknownUser) }
        guard approver.isMapped else { return .failure(.notMapped) }
        if let group = approvers, !groups(of: approver).contains(group) {
            return .failure(.notInGroup(group))
        }
        return .success(())
    }
}

/// Why an approver's decision is not taken.
public enum ApprovalRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case ownRequest, unknownUser, notMapped
    case notInGroup(String)

    public var description: String {
        switch self {
        case .ownRequest: return "you cannot approve or deny your own request; ask another approver"
        case .unknownUser: return "you are not in this bot's configuration, so you cannot approve"
        case .notMapped:
            return "only people mapped to an identity under policy.identities may approve or deny (a role or a "
                + "platform id alone does not say who you are); ask an admin to add your user id to your identity"
        case .notInGroup(let g): return "only members of '\(g)' may approve this request"
        }
    }
}
