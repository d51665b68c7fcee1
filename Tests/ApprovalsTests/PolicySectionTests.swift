import ChatOpsApp
import Approvals
import ChatOpsConfig
import ChatOpsTestSupport
import Testing

@Suite("Policy configuration")
struct PolicySectionTests {
    static let environments = """
        environments:
          - name: dev
          - name: prod
            aliases: [production]
            protected: true

        """

    func policy(_ yaml: String) throws -> Policy {
        let configuration = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: Self.environments + yaml, file: "test.yaml")
        return try TestBot.policy(configuration)
    }

    func problem(_ yaml: String) -> String {
        do {
            _ = try policy(yaml)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theShippedExampleLetsAliceAndBobRequestAndBobAndCarolApproveInProd() throws {
        let configuration = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
        let policy = try TestBot.policy(configuration)
        let engine = PolicyEngine(policy: policy, protectedEnvironments: ["prod"])
        let alice = policy.principal(platformUser: "console:alice")
        let bob = policy.principal(platformUser: "console:bob")
        let carol = policy.principal(platformUser: "console:carol")
        for requester in [alice, bob] {
            #expect(requester.isKnown)
            #expect(engine.decide(.deploy, env: "prod", requester: requester)
                    == .needsApproval(approvers: "prod-approvers", quorum: 1, ttl: 3600))
            #expect(engine.decide(.restart, env: "dev", requester: requester) == .allowed)
            #expect(engine.decide(.freeze, env: "prod", requester: requester) == .allowed)
        }
        #expect(engine.mayDecide(approver: bob, requester: "alice", approvers: "prod-approvers").failureValue == nil)
        #expect(engine.mayDecide(approver: carol, requester: "alice", approvers: "prod-approvers").failureValue == nil)
        #expect(engine.mayDecide(approver: alice, requester: "bob", approvers: "prod-approvers").failureValue
                == .notInGroup("prod-approvers"))
        let stranger = policy.principal(platformUser: "console:mallory")
        #expect(!stranger.isKnown)
        #expect(!policy.unknownUsersMayRead, "the shipped example is closed: strangers read nothing")
        #expect(engine.decide(.help, env: nil, requester: stranger) == .allowed)
        if case .refused = engine.decide(.status, env: "prod", requester: stranger) {} else {
            Issue.record("an unknown user must not read prod")
        }
        #expect(engine.decide(.retrain, env: "prod", requester: alice) == .needsApproval(approvers: "prod-approvers", quorum: 1, ttl: 3600))
        if case .refused = engine.decide(.restart, env: "dev", requester: stranger) {} else {
            Issue.record("an unknown user must not mutate")
        }
    }

    @Test func readsIdentitiesGroupsRulesAndDurations() throws {
        let policy = try policy("""
            policy:
              identities:
                alice: [console:alice, slack:U0ALICE, github:alice-gh]
              groups:
                devs: [alice, discord-role:42]
                admins: [alice]
                all: ["*"]
              unknown_users: none
              freeze: devs
              rules:
                - intents: [scale, restart]
                  environments: [production]
                  approvers: admins
                  quorum: 2
                  ttl: 30m
                - intents: "*"
                  environments: [prod]
                  approvers: admins
                - intents: "*"
                  environments: "*"
                  requesters: [all]
                  approval: false
            """)
        #expect(policy.principal(platformUser: "slack:U0ALICE").name == "alice")
        #expect(policy.principal(platformUser: "github:alice-gh").isKnown)
        #expect(policy.principal(platformUser: "discord:9", roles: ["discord-role:42"]).isKnown)
        #expect(!policy.principal(platformUser: "discord:9").isKnown)
        #expect(!policy.unknownUsersMayRead)
        #expect(policy.freezeGroup == "devs")
        #expect(policy.rules[0] == PolicyRule(intents: .only([.scale, .restart]), environments: .only(["prod"]),
                                              needsApproval: true, approvers: "admins", quorum: 2, ttl: 1800))
        #expect(policy.rules[2] == PolicyRule(intents: .any, environments: .any, requesters: ["all"], needsApproval: false))
    }

    @Test(arguments: [
        ("policy: {rules: [{intents: [deploi]}]}", "unknown intent 'deploi' (did you mean 'deploy'?)"),
        ("policy: {rules: [{intents: [deploy], environments: [qa]}]}", "unknown environment 'qa'; known: dev, prod"),
        ("policy: {rules: [{intents: [deploy], requesters: [ops]}]}", "unknown group 'ops'; define it under policy.groups"),
        ("policy: {groups: {ops: [dave]}}", "'dave' is not an identity; add it under policy.identities"),
        ("policy: {identities: {dave: [U0123]}}", "'U0123' is not a platform id; write PLATFORM:ID"),
        ("policy: {identities: {dave: ['teams:x']}}", "'teams:x' is not a platform id"),
        ("policy: {rules: [{intents: [deploy], ttl: soon}]}", "expected a duration such as 90s, 30m, 1h or 2d"),
        ("policy: {rules: [{intents: [deploy], quorum: 0}]}", "quorum must be between 1 and 10, not 0"),
        ("policy: {unknown_users: everyone}", "unknown_users must be read_only or none"),
        ("policy: {rulez: []}", "unknown key 'rulez' (did you mean 'rules'?)"),
        // Finding 4: an approver group that lists a role or a raw platform id.
        ("policy: {identities: {bob: [console:bob]}, groups: {ap: [bob, discord-role:42]}, rules: [{intents: '*', environments: [prod], approvers: ap}]}",
         "approver group 'ap' lists discord-role:42, which is not an identity"),
        ("policy: {identities: {bob: [console:bob]}, groups: {ap: [slack:U1]}, rules: [{intents: '*', approvers: ap}]}",
         "set policy.allow_roles_in_approver_groups: true"),
        // Finding 12: changes in a protected environment that name no approvers.
        ("policy: {identities: {bob: [console:bob]}, groups: {ap: [bob]}, rules: [{intents: [deploy], environments: [prod], approvers: ap}]}",
         "prod is protected, but no policy rule names who approves promote, rollback, sync, scale, restart, retrain, unfreeze there"),
        ("policy: {identities: {bob: [console:bob]}, rules: [{intents: '*', environments: '*', approval: false}]}",
         "prod is protected, but no policy rule names who approves deploy, promote there"),
        ("policy: {rules: [{environments: [prod]}]}", "missing required key 'intents'"),
    ])
    func refusesMistakesWithAClearMessage(yaml: String, expected: String) {
        let message = problem(yaml)
        #expect(message.contains(expected), "got: \(message)")
        #expect(message.contains("test.yaml:"), "the error names the file and line: \(message)")
    }
}
