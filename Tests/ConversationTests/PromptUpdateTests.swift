import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Foundation
import ReplyModel
import RequestStore
import Testing

@Suite("Approval prompts: buttons, and the update once decided")
struct PromptUpdateTests {
    @Test("the prompt carries Approve/Deny buttons for its request, and its posted place is remembered")
    func promptHasButtons() async throws {
        let h = try ConversationHarness()
        try await h.say("alice", "deploy v2.3 to prod")
        let posted = try await h.store.promptMessages(requestID: 1)
        #expect(posted == [MessageOrigin(platform: "console", channel: "ops", thread: nil, messageID: "m1")])
        #expect(await h.sink.texts.last?.hasSuffix("Reply `approve 1` or `deny 1 REASON`.") == true)
    }

    @Test("approval replaces the buttons with who approved; execution follows")
    func approvalUpdatesPrompt() async throws {
        let h = try ConversationHarness()
        try await h.say("alice", "deploy v2.3 to prod")
        try await h.say("bob", "approve 1")
        let updates = await h.sink.updates
        #expect(updates.count == 1)
        #expect(updates.first?.posted.messageID == "m1")
        let reply = try #require(updates.first?.reply)
        #expect(reply.buttons.isEmpty)
        #expect(reply.severity == .success)
        #expect(PlainTextRenderer.render(reply).hasSuffix("Approved by bob."))
        #expect(PlainTextRenderer.render(reply).contains("Request #1: deploy iris-classifier v2.3 to prod needs 1 approval"))
    }

    @Test("a denial and an expiry update the prompt too; a refused approval does not")
    func denialAndExpiry() async throws {
        let h = try ConversationHarness()
        try await h.say("alice", "deploy v2.3 to prod")
        try await h.say("alice", "approve 1")
        #expect(await h.sink.updates.isEmpty)
        try await h.say("carol", "deny 1 not during the freeze window")
        #expect(await h.sink.updates.map { PlainTextRenderer.render($0.reply) }.last?
            .hasSuffix("Denied by carol: not during the freeze window.") == true)

        try await h.say("alice", "deploy v2.4 to prod")
        h.clock.advance(2 * 3600)
        try await h.bot.sweep(platforms: ["console"], sink: h.sink)
        let last = try #require(await h.sink.updates.last)
        #expect(PlainTextRenderer.render(last.reply).hasSuffix("Expired: nobody approved it in time."))
        #expect(last.reply.buttons.isEmpty)
    }
}
