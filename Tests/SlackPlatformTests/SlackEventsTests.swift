import Foundation
import Testing

/// The Events API: the URL handshake, mentions, and the messages the bot must not answer.
@Suite("Slack: Events API")
struct SlackEventsTests {
    static func mention(_ text: String, eventID: String = "Ev111", change: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        var envelope = try Fixture.json("app_mention.event.json")
        var event = try #require(envelope["event"] as? [String: Any])
        event["text"] = text
        change(&event)
        envelope["event"] = event
        envelope["event_id"] = eventID
        return envelope
    }

    @Test func urlVerificationAnswersTheChallenge() async throws {
        let h = try await SlackHarness.start()
        // The handshake body as Slack documents it.
        let response = try await h.postJSON("/slack/events", [
            "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "type": "url_verification",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        ])
        #expect(response.status == 200)
        let answer = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: String])
        #expect(answer == ["challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"])
        try await h.stop()
        #expect(h.fake.requests.isEmpty)
    }

    @Test func anAppMentionIsAnsweredInItsThreadWithoutTheMention() async throws {
        let h = try await SlackHarness.start()
        // The captured mention as it is: "<@W111> Hi there!" is meant for the bot but means nothing.
        let response = try await h.postJSON("/slack/events", try Fixture.json("app_mention.event.json"))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        let reply = try await h.waitForPost(containing: "I didn't understand that")
        #expect(reply.method == "POST")
        #expect(reply.header("Authorization") == "Bearer xoxb-test-token")
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(reply.json?["channel"] as? String == "C111")
        #expect(reply.threadTS == "1595926230.009600")

        // The same mention asking for help: the bot's own mention is stripped before understanding.
        _ = try await h.postJSON("/slack/events", try Self.mention("<@W111> help", eventID: "Ev222"))
        let help = try await h.waitForPost(containing: "deploy")
        #expect(help.threadTS == "1595926230.009600")
        try await h.stop()
        #expect(h.calls("chat.postMessage").count == 2)
    }

    @Test func aDirectMessageIsHandledAndThreadedUnderItself() async throws {
        let h = try await SlackHarness.start()
        let dm = try Self.mention("help", eventID: "EvDM1") { event in
            event["type"] = "message"
            event["channel_type"] = "im"
            event["channel"] = "D024BE91L"
            event["ts"] = "1595926300.000100"
        }
        #expect(try await h.postJSON("/slack/events", dm).status == 200)
        let reply = try await h.waitForPost(containing: "deploy")
        #expect(reply.json?["channel"] as? String == "D024BE91L")
        #expect(reply.threadTS == "1595926300.000100")
        try await h.stop()
    }

    @Test func theBotNeverAnswersABotItselfOrChatterItWasNotAddressedIn() async throws {
        let h = try await SlackHarness.start()
        let ignored: [[String: Any]] = [
            // Its own reply echoed back as a bot message.
            try Self.mention("Request #1 succeeded: done", eventID: "EvB1") { event in
                event["type"] = "message"
                event["channel_type"] = "im"
                event["subtype"] = "bot_message"
                event["bot_id"] = "B19LU7CSY"
                event.removeValue(forKey: "user")
            },
            // A message by the bot's own user id.
            try Self.mention("<@W111> help", eventID: "EvB2") { $0["user"] = "W111" },
            // An edit of a mention.
            try Self.mention("<@W111> help", eventID: "EvB3") { $0["subtype"] = "message_changed" },
            // Channel chatter: not a mention, not a direct message.
            try Self.mention("help", eventID: "EvB4") { event in
                event["type"] = "message"
                event["channel_type"] = "channel"
            },
        ]
        for envelope in ignored {
            #expect(try await h.postJSON("/slack/events", envelope).status == 200)
        }
        try await h.stop()
        #expect(h.fake.requests.isEmpty)
    }

    @Test func aRetriedEventActsOnceAndIsAnsweredAtOnce() async throws {
        let h = try await SlackHarness.start()
        // bob deploys to staging: allowed without approval, so it runs at once.
        let event = try Self.mention("<@W111> deploy iris v2.3 to staging", eventID: "Ev0RETRY1")
        #expect(try await h.postJSON("/slack/events", event).status == 200)
        let start = ContinuousClock.now
        let retry = try await h.postJSON("/slack/events", event, headers: [("X-Slack-Retry-Num", "1"),
                                                                           ("X-Slack-Retry-Reason", "http_timeout")])
        #expect(retry.status == 200)
        #expect(ContinuousClock.now - start < .seconds(3))
        try await h.waitForPost(containing: "succeeded")
        let again = try await h.postJSON("/slack/events", event, headers: [("X-Slack-Retry-Num", "2"),
                                                                           ("X-Slack-Retry-Reason", "http_error")])
        #expect(again.status == 200)
        try await h.stop()
        #expect(h.executor.executed.count == 1)
        #expect(try await h.store.requests(states: nil, limit: 10).count == 1)
        let texts = h.calls("chat.postMessage").map(\.text)
        #expect(texts.filter { $0.contains("succeeded") }.count == 1)
        #expect(texts.filter { $0.contains("Running request #1") }.count == 1)
    }
}
