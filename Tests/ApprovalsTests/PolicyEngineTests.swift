import Approvals
import ChatOpsCore
import Testing

@Suite("Policy decisions")
struct PolicyEngineTests {
    static let policy = Policy(
        groups: ["deployers": ["alice", "bob"], "prod-approvers": ["bob", "carol"], "sre": ["carol"], "everyone": ["*"]],
        rules: [
            PolicyRule(intents: .only([.deploy, .promote, .rollback]), environments: .only(["prod"]),
                       requesters: ["deployers"], needsApproval: true, approvers: "prod-approvers", quorum: 2, ttl: 900),
            // A team that lets restarts in prod run unapproved: allowed, it is not a floor.
            PolicyRule(intents: .only([.restart]), environments: .only(["prod"]), needsApproval: false),
            // A misconfiguration that tries to waive approval for prod deploys: the floor wins.
            PolicyRule(intents: .only([.deploy]), environments: .any, needsApproval: false),
        ],
        unknownUsersMayRead: true, freezeGroup: "sre")
    let engine = PolicyEngine(policy: policy, protectedEnvironments: ["prod"])

    static let table: [(Intent, String?, String, Bool, PolicyDecision)] = [
        // read-only: no approval, anywhere, for anyone known; unknown users read when allowed
        (.status, "prod", "dave", true, .allowed),
        (.logs, "prod", "mallory", false, .allowed),
        (.help, nil, "mallory", false, .allowed),
        (.predict, nil, "alice", true, .allowed),
        // the prod rule: requesters, approvers, quorum and TTL from the configuration
        (.deploy, "prod", "alice", true, .needsApproval(approvers: "prod-approvers", quorum: 2, ttl: 900)),
        (.rollback, "prod", "bob", true, .needsApproval(approvers: "prod-approvers", quorum: 2, ttl: 900)),
        (.deploy, "prod", "dave", true, .refused(reason: "dave may not use 'deploy' in prod; allowed groups: deployers")),
        // no rule: mutations in prod need one approval by default; elsewhere none
        (.scale, "prod", "dave", true, .needsApproval(approvers: nil, quorum: 1, ttl: 3600)),
        (.sync, "prod", "dave", true, .needsApproval(approvers: nil, quorum: 1, ttl: 3600)),
        (.scale, "staging", "dave", true, .allowed),
        // a rule may waive approval for a prod restart...
        (.restart, "prod", "dave", true, .allowed),
        // ...but never for a prod deploy or promote
        (.deploy, "staging", "dave", true, .allowed),
        (.promote, "prod", "alice", true, .needsApproval(approvers: "prod-approvers", quorum: 2, ttl: 900)),
        // freeze is the kill switch: only its group, and it does not wait
        (.freeze, "prod", "carol", true, .allowed),
        (.freeze, "prod", "alice", true, .refused(reason: "only members of 'sre' may freeze environments")),
        (.unfreeze, "prod", "carol", true, .needsApproval(approvers: nil, quorum: 1, ttl: 3600)),
        // unknown users never mutate
        (.restart, "dev", "mallory", false,
         .refused(reason: "you are not in this bot's configuration; ask an admin to map your user to an identity")),
        // approve and deny are decisions on requests, judged by mayDecide
        (.approve, nil, "carol", true, .allowed),
    ]

    @Test(arguments: table)
    func decides(intent: Intent, env: String?, requester: String, known: Bool, expected: PolicyDecision) {
        #expect(engine.decide(intent, env: env, requester: Principal(name: requester, isKnown: known)) == expected)
    }

    @Test func unknownUsersMayNotReadWhenThePolicySaysSo() {
        var strict = Self.policy
        strict.unknownUsersMayRead = false
        let engine = PolicyEngine(policy: strict, protectedEnvironments: ["prod"])
        #expect(engine.decide(.status, env: "prod", requester: Principal(name: "mallory", isKnown: false)) != .allowed)
        #expect(engine.decide(.help, env: nil, requester: Principal(name: "mallory", isKnown: false)) == .allowed)
    }

    @Test func aRuleCannotWaiveApprovalForProdDeployOrPromote() {
        let waiver = Policy(rules: [PolicyRule(intents: .any, environments: .any, needsApproval: false)])
        let engine = PolicyEngine(policy: waiver, protectedEnvironments: ["prod"])
        for intent in [Intent.deploy, .promote] {
            #expect(engine.decide(intent, env: "prod", requester: Principal(name: "a", isKnown: true))
                    == .needsApproval(approvers: nil, quorum: 1, ttl: 3600))
        }
        #expect(engine.decide(.restart, env: "prod", requester: Principal(name: "a", isKnown: true)) == .allowed)
        #expect(engine.decide(.deploy, env: "staging", requester: Principal(name: "a", isKnown: true)) == .allowed)
    }

    @Test func quorumIsAtLeastOne() {
        let engine = PolicyEngine(policy: Policy(rules: [PolicyRule(needsApproval: true, quorum: 0)]), protectedEnvironments: [])
        #expect(engine.decide(.sync, env: "dev", requester: Principal(name: "a", isKnown: true))
                == .needsApproval(approvers: nil, quorum: 1, ttl: 3600))
    }

    @Test func nobodyApprovesTheirOwnRequest() {
        #expect(engine.mayDecide(approver: Principal(name: "bob", isKnown: true), requester: "bob", approvers: "prod-approvers")
                .failureValue == .ownRequest)
        #expect(engine.mayDecide(approver: Principal(name: "bob", isKnown: true), requester: "alice", approvers: "prod-approvers")
                .failureValue == nil)
        #expect(engine.mayDecide(approver: Principal(name: "alice", isKnown: true), requester: "bob", approvers: "prod-approvers")
                .failureValue == .notInGroup("prod-approvers"))
        #expect(engine.mayDecide(approver: Principal(name: "mallory", isKnown: false), requester: "bob", approvers: nil)
                .failureValue == .unknownUser)
        #expect(engine.mayDecide(approver: Principal(name: "dave", isKnown: true), requester: "bob", approvers: nil).failureValue == nil)
    }

    /// Finding 4: a user a group lists by role or platform id may request what the group may,
    /// but never approve: only people mapped to an identity can be told apart from the requester.
    @Test func onlyMappedPeopleMayApprove() {
        let byRole = Principal(name: "discord:9", isKnown: true, isMapped: false, memberships: ["discord-role:42"])
        #expect(engine.mayDecide(approver: byRole, requester: "alice", approvers: nil).failureValue == .notMapped)
        #expect(ApprovalRefusal.notMapped.description.contains("only people mapped to an identity"))
        let policy = Policy(identities: ["bob": ["discord:7"]], groups: ["approvers": ["discord-role:42", "bob"]])
        #expect(!policy.principal(platformUser: "discord:9", roles: ["discord-role:42"]).isMapped)
        #expect(policy.principal(platformUser: "discord:9", roles: ["discord-role:42"]).isKnown)
        #expect(policy.principal(platformUser: "discord:7", roles: ["discord-role:42"]).isMapped)
    }

    @Test func strangersReadNothingByDefault() {
        let engine = PolicyEngine(policy: Policy(), protectedEnvironments: [])
        #expect(engine.decide(.status, env: "dev", requester: Principal(name: "slack:U9", isKnown: false)) != .allowed)
        #expect(engine.decide(.help, env: nil, requester: Principal(name: "slack:U9", isKnown: false)) == .allowed)
    }

    @Test func wildcardGroupsCoverKnownUsersOnly() {
        #expect(engine.groups(of: Principal(name: "zed", isKnown: true)).contains("everyone"))
        #expect(!engine.groups(of: Principal(name: "zed", isKnown: false)).contains("everyone"))
    }

    @Test func groupsMayListPlatformIdsAndRoles() {
        let policy = Policy(groups: ["sre": ["discord-role:42", "slack:U0CAROL"]], freezeGroup: "sre")
        let engine = PolicyEngine(policy: policy, protectedEnvironments: ["prod"])
        let byRole = Principal(name: "erin", isKnown: true, memberships: ["discord:7", "discord-role:42"])
        let byID = Principal(name: "carol", isKnown: true, memberships: ["slack:U0CAROL"])
        let neither = Principal(name: "dave", isKnown: true, memberships: ["slack:U0DAVE"])
        #expect(engine.decide(.freeze, env: "prod", requester: byRole) == .allowed)
        #expect(engine.decide(.freeze, env: "prod", requester: byID) == .allowed)
        #expect(engine.decide(.freeze, env: "prod", requester: neither) == .refused(reason: "only members of 'sre' may freeze environments"))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
