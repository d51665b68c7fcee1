import ChatOpsConfig
import ChatOpsCore
import YAMLSupport

/// Load-time checks on who approves: an approval must come from a person the configuration
/// names, and every change that needs one in a protected environment must say from whom.
enum ApproverGroupCheck {
    /// An approver group that lists a role or a raw platform id would let someone the
    /// configuration does not map to a person approve, and their platform id cannot be told
    /// apart from the requester's account elsewhere. Refused unless the policy says
    /// `allow_roles_in_approver_groups: true` (then mapped people holding the role count).
    static func refuseUnmappedMembers(rules: [PolicyRule], nodes: [YAMLValue], groups: [String: Set<String>],
                                      identities: [String: Set<String>]) throws(YAMLError) {
        for (rule, node) in zip(rules, nodes) {
            guard let group = rule.approvers, let members = groups[group] else { continue }
            let unmapped = members.filter { $0 != "*" && identities[$0] == nil }.sorted()
            guard let first = unmapped.first else { continue }
            let where_ = (try? node.mapping())?["approvers"] ?? node
            throw where_.error("approver group '\(group)' lists \(unmapped.joined(separator: ", ")), which "
                               + "\(unmapped.count == 1 ? "is" : "are") not an identity: an approval counts only from a person "
                               + "mapped under policy.identities (a role or platform id such as '\(first)' says nothing about "
                               + "who clicked, and could be the requester's own account on another platform); list identities "
                               + "instead, or set policy.allow_roles_in_approver_groups: true so that mapped people holding it may approve")
        }
    }

    /// The intents policy may hold for approval in an environment (the bot's own decisions aside).
    static let changes: [Intent] = Intent.catalog.filter { $0.isMutating && $0 != .approve && $0 != .deny && $0 != .freeze }

    /// In a protected environment, a change that needs approval with no approver group could be
    /// approved by any known user but the requester. Each such change must be covered by a rule
    /// that names `approvers` (or, for all but deploy and promote, that waives approval).
    static func requireApproversInProtectedEnvironments(rules: [PolicyRule], nodes: [YAMLValue], catalog: Catalog,
                                                        policy: YAMLValue) throws(YAMLError) {
        for env in catalog.environments where env.isProtected {
            var uncovered: [Intent] = []
            var firstRule: YAMLValue?
            for intent in changes {
                let index = rules.firstIndex { $0.covers(intent, env: env.name) }
                let rule = index.map { rules[$0] }
                var needsApproval = rule?.needsApproval ?? true
                if intent == .deploy || intent == .promote { needsApproval = true }
                if needsApproval && rule?.approvers == nil {
                    uncovered.append(intent)
                    if firstRule == nil, let index { firstRule = nodes[index] }
                }
            }
            guard !uncovered.isEmpty else { continue }
            let names = uncovered.map(\.rawValue).joined(separator: ", ")
            throw (firstRule ?? policy).error(
                "\(env.name) is protected, but no policy rule names who approves \(names) there, so any known user but "
                + "the requester could approve them; add a rule with environments: [\(env.name)], intents covering them "
                + "and approvers: GROUP (a group of identities), before any broader rule")
        }
    }
}
