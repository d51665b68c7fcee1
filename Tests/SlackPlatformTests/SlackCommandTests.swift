import Foundation
import PlatformHTTP
import ReplyModel
import Synchronization
import Testing

/// Slash commands and button clicks, end to end from the captured bodies.
@Suite("Slack: slash commands and buttons")
struct SlackCommandTests {
    @Test func aSlashCommandIsAcknowledgedAtOnceAndAnsweredInAThreadItStarts() async throws {
        let h = try await SlackHarness.start()
        let body = try Fixture.slashCommand("/chatops", "help")
        let response = try await h.post("/slack/commands", body)
        #expect(response.status == 200)
        let ack = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: String])
        #expect(ack["response_type"] == "ephemeral")
        #expect(ack["text"]?.contains("/chatops help") == true)

        let reply = try await h.waitForPost(containing: "deploy")
        try await h.stop()
        let posts = h.calls("chat.postMessage")
        #expect(posts.count == 2)
        // The thread's first message: who asked for what, in the channel (no thread_ts).
        #expect(posts[0].json?["channel"] as? String == "C111")
        #expect(posts[0].threadTS == nil)
        #expect(posts[0].text == "<@W111> asked: `/chatops help`")
        // The answer under it.
        #expect(reply.json?["channel"] as? String == "C111")
        #expect(reply.threadTS == FakeSlack.ts(1))
        #expect(!reply.blocks.isEmpty)
        for post in posts { #expect(post.header("Authorization") == "Bearer xoxb-test-token") }
    }

    /// The answer comes after the delivery is committed: a replay of the same signed body is told
    /// so and starts no second thread, and the claim is in the store when Slack hears "working on".
    @Test func aReplayedSlashCommandIsAnsweredAsAlreadyReceivedAndRunsOnce() async throws {
        let h = try await SlackHarness.start()
        let body = try Fixture.slashCommand("/chatops", "help")
        let first = try await h.post("/slack/commands", body)
        #expect(try await h.store.recordDelivery(platform: "slack", id: try Self.triggerID(body), at: Date()) != .new)
        let second = try await h.post("/slack/commands", body)
        let firstAck = try #require(try JSONSerialization.jsonObject(with: first.body) as? [String: String])
        let secondAck = try #require(try JSONSerialization.jsonObject(with: second.body) as? [String: String])
        #expect(firstAck["text"]?.hasPrefix("Working on") == true)
        #expect(secondAck["text"] == "This command was already received; it is not run again.")
        try await h.stop()
        #expect(h.calls("chat.postMessage").count == 2)  // one thread: the header and the answer
    }

    static func triggerID(_ body: String) throws -> String {
        let pair = try #require(body.split(separator: "&").first { $0.hasPrefix("trigger_id=") })
        return String(pair.dropFirst("trigger_id=".count)).removingPercentEncoding ?? String(pair)
    }

    @Test func slackIsAnsweredBeforeTheSlowWorkIsDone() async throws {
        let slack = FakeSlack.respond()
        // Slack's API does not answer until the test opens the gate: an acknowledgement that waited
        // for the API would never arrive (the client times out and the test fails).
        let gate = Gate()
        let h = try await SlackHarness.start { request in
            while !gate.isOpen { try? await Task.sleep(for: .milliseconds(10)) }
            return await slack(request)
        }
        let response = try await h.post("/slack/commands", try Fixture.slashCommand("/chatops", "help"))
        #expect(response.status == 200)
        #expect(h.calls("chat.postMessage").count <= 1)
        gate.open()
        // A graceful stop waits for the acknowledged work: nothing is dropped.
        try await h.stop()
        #expect(h.calls("chat.postMessage").count == 2)
    }

    @Test func whenTheBotCannotPostInTheChannelTheCommandIsNotRunUnseen() async throws {
        let h = try await SlackHarness.start { _ in .json(#"{"ok":false,"error":"not_in_channel"}"#) }
        #expect(try await h.post("/slack/commands", try Fixture.slashCommand("/deploy", "iris v2.3 staging")).status == 200)
        try await h.stop()
        #expect(h.calls("chat.postMessage").count == 1)
        #expect(h.executor.executed.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test func aPerIntentCommandNamesTheIntentAndUnknownUsersMayNotAct() async throws {
        let h = try await SlackHarness.start()
        // Slack's documented body, by a user the policy does not know, as `/status iris prod`.
        let body = try Fixture.text("slash-command.slack-docs.form-body.txt")
            .replacingOccurrences(of: "command=%2Fwebhook-collect&text=", with: "command=%2Fstatus&text=iris+prod")
        #expect(try await h.post("/slack/commands", body).status == 200)
        let reply = try await h.waitForPost(containing: "I can't status iris-classifier in prod for you")
        #expect(reply.json?["channel"] as? String == "G8PSS9T3V")
        #expect(reply.threadTS == FakeSlack.ts(1))
        let deploy = try Fixture.text("slash-command.slack-docs.form-body.txt")
            .replacingOccurrences(of: "command=%2Fwebhook-collect&text=", with: "command=%2Fdeploy&text=iris+v2.3+staging")
            .replacingOccurrences(of: "trigger_id=398738663015", with: "trigger_id=398738663016")
        #expect(try await h.post("/slack/commands", deploy).status == 200)
        try await h.waitForPost(containing: "I can't deploy iris-classifier v2.3 to staging for you")
        try await h.stop()
        #expect(h.executor.executed.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test func aClickOnAnotherAppsButtonIsIgnoredAndAChatopsButtonActsAsTheClicker() async throws {
        let h = try await SlackHarness.start()
        let captured = try Fixture.json("block_actions.button.payload.json")
        // As captured: action_id "a", value "click_me_123" — not ours.
        #expect(try await h.post("/slack/interactions", Self.form(captured)).status == 200)
        // Rewritten to a chatops button: approve 7, which does not exist.
        let ours = try Self.click(captured, action: ReplyAction(kind: .approve, requestID: 7))
        let response = try await h.post("/slack/interactions", Self.form(ours))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        let reply = try await h.waitForPost(containing: "There is no request #7")
        try await h.stop()
        #expect(reply.json?["channel"] as? String == "C111")
        #expect(reply.threadTS == "111.222")
        #expect(h.calls("chat.postMessage").count == 1)
    }

    /// The captured payload with its one action turned into a chatops button.
    static func click(_ payload: [String: Any], action: ReplyAction, user: String? = nil, messageTS: String? = nil,
                      threadTS: String? = nil, trigger: String? = nil) throws -> [String: Any] {
        var payload = payload
        var actions = try #require(payload["actions"] as? [[String: Any]])
        actions[0]["action_id"] = action.identifier
        actions[0]["value"] = action.identifier
        payload["actions"] = actions
        var container = try #require(payload["container"] as? [String: Any])
        if let messageTS {
            container["message_ts"] = messageTS
            container["is_ephemeral"] = false
        }
        if let threadTS { container["thread_ts"] = threadTS }
        payload["container"] = container
        if let user {
            var who = try #require(payload["user"] as? [String: Any])
            who["id"] = user
            payload["user"] = who
        }
        if let trigger { payload["trigger_id"] = trigger }
        return payload
    }

    static func form(_ payload: [String: Any]) throws -> String {
        QueryString.encode([("payload", try Fixture.encode(payload))])
    }
}

/// Holds the fake API's answers back until the test opens it.
final class Gate: Sendable {
    private let state = Mutex(false)
    var isOpen: Bool { state.withLock { $0 } }
    func open() { state.withLock { $0 = true } }
}
