import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import RequestStore
import Testing

@Suite("Conversation: request, approval, execution")
struct ApprovalFlowTests {
    @Test func theReadmeConversation() async throws {
        let h = try ConversationHarness()
        let asked = try await h.say("alice", "deploy v2.3 to prod")
        #expect(asked.count == 1)
        #expect(asked[0].contains("Request #1: deploy iris-classifier v2.3 to prod needs 1 approval from prod-approvers"))
        #expect(asked[0].contains("approve 1"))
        // No Argo CD here: the prompt still says what was asked, and that it cannot run yet.
        #expect(asked[0].contains("• will deploy iris-classifier v2.3 to prod — but Argo CD is not configured"))

        let own = try await h.say("alice", "approve 1")
        #expect(own == ["You cannot approve request #1: you cannot approve or deny your own request; ask another approver."])

        let approved = try await h.say("bob", "approve 1")
        #expect(approved.first == "Request #1 (deploy iris-classifier v2.3 to prod) approved by bob.")
        // No Argo CD in the example configuration: a clear failure, never a fake success.
        #expect(approved.last?.hasPrefix("Request #1 failed: Argo CD is not configured (set backends.argocd.url in ") == true)
        #expect(approved.last?.contains("CHATOPS_ARGOCD_URL") == true)

        let request = try #require(try await h.store.request(id: 1))
        #expect(request.state == .failed)
        #expect(request.requester == "alice")
        #expect(request.transitions.map(\.to) == [.received, .awaitingApproval, .approved, .executing, .failed])
        #expect(request.transitions.map(\.actor) == ["alice", "policy", "bob", "chatops", "chatops"])
        #expect(request.approvals.map(\.approver) == ["bob"])
    }

    @Test func anApproverOutsideTheGroupIsRefusedAndUnknownUsersGetOnlyHelp() async throws {
        let h = try ConversationHarness()
        try await h.say("bob", "deploy v2.3 to prod")
        let stranger = try await h.say("mallory", "approve 1")
        #expect(stranger == ["You cannot approve request #1: you are not in this bot's configuration, so you cannot approve."])
        let restart = try await h.say("mallory", "restart iris in dev")
        #expect(restart == ["I can't restart iris-classifier in dev for you: you are not in this bot's configuration; "
                            + "ask an admin to map your user to an identity."])
        let status = try await h.say("mallory", "status of iris in prod")
        #expect(status.first?.contains("you are not in this bot's configuration") == true)
        let help = try await h.say("mallory", "help")
        #expect(help.first?.contains("deploy") == true)
        // Nothing a stranger said is kept.
        #expect(try await h.store.requests(states: nil, limit: 10).map(\.requester) == ["bob"])
        #expect(try await h.store.request(id: 1)?.state == .awaitingApproval)
    }

    @Test func unapprovedChangesOutsideProtectedEnvironmentsRunAtOnce() async throws {
        let fake = FakeExecutor(result: .succeeded("restarted 3 pods"))
        let h = try ConversationHarness(executors: [(fake, [.restart])])
        let replies = try await h.say("alice", "restart iris in staging")
        #expect(replies == ["Running request #1: restart iris-classifier in staging…", "working on restart…",
                            "Request #1 succeeded: restarted 3 pods"])
        #expect(fake.executed.map(\.requestID) == [1])
        #expect(try await h.store.request(id: 1)?.state == .succeeded)
    }

    @Test func aMutationWithoutAnEnvironmentIsAskedAboutNotGuessed() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.restart])])
        let replies = try await h.say("alice", "restart iris")
        #expect(replies == ["Say which environment to restart: one of dev, staging, prod."])
        #expect(fake.executed.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test func oneDenialEndsTheRequest() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.rollback])])
        try await h.say("alice", "rollback iris in prod")
        let denied = try await h.say("carol", "deny 1 because the incident is over")
        #expect(denied.first?.hasPrefix("Request #1 (roll back iris-classifier in prod) denied by carol") == true)
        let late = try await h.say("bob", "approve 1")
        #expect(late == ["Request #1 (roll back iris-classifier in prod) is already denied; there is nothing to decide."])
        #expect(fake.executed.isEmpty)
        let request = try #require(try await h.store.request(id: 1))
        #expect(request.state == .denied)
        #expect(request.transitions.last?.actor == "carol")
    }

    @Test func dryRunPlansAndChangesNothing() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(dryRun: true, executors: [(fake, [.deploy])])
        try await h.say("alice", "deploy v2.3 to prod")
        let replies = try await h.say("bob", "approve 1")
        // The executor's own plan, not its execution.
        #expect(replies.last == "Request #1 succeeded: Dry run: nothing was changed.\n• would do deploy")
        #expect(fake.executed.isEmpty)
        #expect(try await h.store.request(id: 1)?.isDryRun == true)
    }

    @Test func readOnlyIntentsRunEvenInDryRun() async throws {
        let fake = FakeExecutor(result: .succeeded("iris-classifier-prod: Synced, Healthy"))
        let h = try ConversationHarness(dryRun: true, executors: [(fake, [.status])])
        let replies = try await h.say("alice", "status of iris in prod")
        #expect(replies.last == "iris-classifier-prod: Synced, Healthy")
        #expect(fake.executed.count == 1)
    }

    @Test func chatterGetsNoAnswerAndAddressedNonsenseGetsHelp() async throws {
        let h = try ConversationHarness()
        let message = IncomingMessage(platformUser: "slack:U1", origin: MessageOrigin(platform: "slack", channel: "C1"),
                                      text: "lunch anyone?", isAddressedByPlatform: false)
        try await h.bot.handle(message, sink: h.sink)
        #expect(await h.sink.texts.isEmpty)
        let replies = try await h.say("alice", "make me a sandwich")
        #expect(replies == ["I didn't understand that. Say `help` to see what I can do."])
        let unknownEnv = try await h.say("alice", "deploy v2.3 to qa")
        #expect(unknownEnv.first?.hasPrefix("I can't act on that: ") == true)
        #expect(unknownEnv.first?.contains("qa") == true)
    }
}
