import Foundation
import ReplyModel
import Testing

/// The story on Slack: alice asks for a prod deploy with `/deploy`, bob approves with the
/// button, the deploy runs exactly once, and the thread shows request, decision and result.
@Suite("Slack: a prod deploy approved by a button")
struct SlackApprovalFlowTests {
    @Test func aliceRequestsBobApprovesItRunsOnceAndTheThreadTellsTheStory() async throws {
        let h = try await SlackHarness.start()
        let request = try Fixture.slashCommand("/deploy", "iris v2.3 prod")
        #expect(try await h.post("/slack/commands", request).status == 200)

        let prompt = try await h.waitForPost(containing: "needs 1 approval from prod-approvers")
        let root = FakeSlack.ts(1)
        #expect(h.calls("chat.postMessage").first?.text == "<@W111> asked: `/deploy iris v2.3 prod`")
        #expect(prompt.threadTS == root)
        let buttons = try #require(prompt.actionBlocks.first?["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["action_id"] as? String } == ["chatops:approve:1", "chatops:deny:1"])
        #expect(buttons.map { $0["value"] as? String } == ["chatops:approve:1", "chatops:deny:1"])
        #expect(buttons.map { $0["style"] as? String } == ["primary", "danger"])
        let promptTS = FakeSlack.ts(2)
        #expect(h.executor.executed.isEmpty)

        // alice cannot approve her own request; nothing runs.
        let captured = try Fixture.json("block_actions.button.payload.json")
        let approve = ReplyAction(kind: .approve, requestID: 1)
        let own = try SlackCommandTests.click(captured, action: approve, user: "W111", messageTS: promptTS, threadTS: root,
                                              trigger: "333.444.alice")
        #expect(try await h.post("/slack/interactions", SlackCommandTests.form(own)).status == 200)
        try await h.waitForPost(containing: "you cannot approve or deny your own request")
        #expect(h.executor.executed.isEmpty)

        // bob clicks Approve on the prompt.
        let click = try SlackCommandTests.click(captured, action: approve, user: "W222", messageTS: promptTS, threadTS: root,
                                                trigger: "333.444.bob")
        #expect(try await h.post("/slack/interactions", SlackCommandTests.form(click)).status == 200)
        let result = try await h.waitForPost(containing: "Request #1 succeeded")
        // The same click delivered again, and a second click: neither acts.
        #expect(try await h.post("/slack/interactions", SlackCommandTests.form(click)).status == 200)
        let second = try SlackCommandTests.click(captured, action: approve, user: "W222", messageTS: promptTS, threadTS: root,
                                                 trigger: "333.444.bob-again")
        #expect(try await h.post("/slack/interactions", SlackCommandTests.form(second)).status == 200)
        try await h.waitForPost(containing: "is already")
        try await h.stop()

        #expect(h.executor.executed.count == 1)
        #expect(h.executor.executed.first?.requestID == 1)
        // Decision: the prompt updated in place, without buttons, naming bob.
        let updates = h.calls("chat.update")
        #expect(updates.count == 1)
        let update = try #require(updates.first)
        #expect(update.json?["channel"] as? String == "C111")
        #expect(update.json?["ts"] as? String == promptTS)
        #expect(update.actionBlocks.isEmpty)
        #expect(update.text.contains("Approved by bob"))
        #expect(update.header("Authorization") == "Bearer xoxb-test-token")
        // Every reply, the result included, is in alice's thread.
        let replies = h.calls("chat.postMessage").dropFirst()
        #expect(replies.allSatisfy { $0.threadTS == root && $0.json?["channel"] as? String == "C111" })
        #expect(replies.contains { $0.text.contains("approved by bob") })
        #expect(result.threadTS == root)
        let stored = try #require(try await h.store.request(id: 1))
        #expect(stored.requester == "alice")
        #expect(stored.approvals.map(\.approver) == ["bob"])
        #expect(stored.origin.thread == root)
    }
}
