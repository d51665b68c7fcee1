import ChatOpsTestSupport
@testable import DiscordPlatform
import Foundation
import PlatformHTTP
import Testing

/// Interactions through the real server, the replies on a fake Discord API.
@Suite("Discord interactions end to end")
struct DiscordInteractionFlowTests {
    let app = TestUsers.applicationID

    @Test func pingIsAnsweredWithPongAndNothingElse() async throws {
        let harness = try await DiscordHarness()
        let response = try await harness.post(try Fixtures.data("interaction.type1.ping.discord-interactions-js.json"))
        await harness.settle()
        #expect(response.status == 200)
        #expect(response.body == (try Fixtures.data("interaction.response.pong.json")).trimmingTrailingNewline)
        #expect(harness.fake.requests.isEmpty)
        await harness.stop()
    }

    @Test func theCapturedSlashCommandRunsAndItsRepliesEditTheDeferredAnswerThenFollowUp() async throws {
        let harness = try await DiscordHarness()
        let body = try Interactions.command(name: "deploy", options: [("version", "v2.3"), ("env", "staging"), ("app", "iris")])
        let response = try await harness.post(body)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"type":5}"#)
        await harness.settle()
        #expect(harness.executor.executed.count == 1)
        #expect(harness.executor.executed.first?.command.slots["env"]?.stringValue == "staging")
        let requests = harness.fake.requests
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "PATCH /webhooks/\(app)/A_UNIQUE_TOKEN/messages/@original",
            "POST /webhooks/\(app)/A_UNIQUE_TOKEN",
            "POST /webhooks/\(app)/A_UNIQUE_TOKEN",
        ])
        #expect(requests[0].messageText.contains("Running request #1"))
        #expect(requests[2].messageText.contains("Request #1 succeeded"))
        for request in requests {
            // The interaction token is the credential: no bot token on webhook calls, never a ping.
            #expect(request.header("Authorization") == nil)
            #expect((request.json?["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        }
        await harness.stop()
    }

    @Test func prodDeployRequestedByAliceApprovedByBobsClickRunsExactlyOnce() async throws {
        let harness = try await DiscordHarness()
        let promptID = try await harness.aliceAsksForAProdDeploy()
        let prompt = try #require(harness.fake.requests.first)
        #expect(prompt.method == "PATCH")
        #expect(prompt.path == "/webhooks/\(app)/A_UNIQUE_TOKEN/messages/@original")
        #expect(prompt.messageText.contains("Request #1"))
        #expect(prompt.buttonIDs == ["chatops:approve:1", "chatops:deny:1"])
        #expect(prompt.buttonStyles == [3, 4])
        #expect(harness.executor.executed.isEmpty)
        #expect(harness.fake.requests.count == 1)

        // The fake answered the edit with a message object; bob clicks Approve on that message.
        let click = try Interactions.click(id: "846462639134605312", token: "BOB_TOKEN", user: TestUsers.bob,
                                           customID: "chatops:approve:1", messageID: promptID)
        let clicked = try await harness.post(click)
        #expect(String(decoding: clicked.body, as: UTF8.self) == #"{"type":6}"#)
        await harness.settle()

        #expect(harness.executor.executed.count == 1)
        let after = Array(harness.fake.requests.dropFirst())
        let decided = try #require(after.first { $0.method == "PATCH" })
        #expect(decided.path == "/webhooks/\(app)/BOB_TOKEN/messages/@original")
        #expect(decided.buttonIDs.isEmpty)
        #expect((decided.json?["components"] as? [Any])?.isEmpty == true)
        #expect(decided.messageText.contains("Approved by bob"))
        #expect(after.contains { $0.method == "POST" && $0.path == "/webhooks/\(app)/BOB_TOKEN" && $0.messageText.contains("approved by bob") })
        let result = try #require(after.last)
        #expect(result.path == "/webhooks/\(app)/A_UNIQUE_TOKEN")
        #expect(result.messageText.contains("Request #1 succeeded"))

        // The same click again (Discord retried, or someone replayed it) does nothing more.
        #expect(try await harness.post(click).status == 200)
        await harness.settle()
        #expect(harness.executor.executed.count == 1)
        #expect(harness.fake.requests.count == 1 + after.count)
        await harness.stop()
    }

    @Test func aRepeatedInteractionIDActsOnce() async throws {
        let harness = try await DiscordHarness()
        let body = try Interactions.command(name: "chatops", options: [("text", "deploy iris v2.3 to staging")])
        #expect(try await harness.post(body).status == 200)
        await harness.settle()
        let first = harness.fake.requests.count
        #expect(try await harness.post(body).status == 200)
        await harness.settle()
        #expect(harness.executor.executed.count == 1)
        #expect(harness.fake.requests.count == first)
        await harness.stop()
    }

    @Test func afterTheTokenExpiredTheResultGoesToTheChannelWithTheBotToken() async throws {
        let harness = try await DiscordHarness()
        let promptID = try await harness.aliceAsksForAProdDeploy()
        harness.clock.advance(20 * 60)  // alice's token is dead; bob's click brings a fresh one
        let click = try Interactions.click(id: "846462639134605399", token: "BOB_TOKEN", user: TestUsers.bob,
                                           customID: "chatops:approve:1", messageID: promptID)
        #expect(try await harness.post(click).status == 200)
        await harness.settle()
        #expect(harness.executor.executed.count == 1)
        let requests = harness.fake.requests
        #expect(!requests.contains { $0.path.contains("A_UNIQUE_TOKEN") && $0.method == "POST" })
        let result = try #require(requests.last)
        #expect(result.method == "POST")
        #expect(result.path == "/channels/\(TestUsers.channel)/messages")
        #expect(result.header("Authorization") == "Bot \(TestUsers.botToken)")
        #expect(result.messageText.contains("Request #1 succeeded"))
        await harness.stop()
    }

    @Test func aClickOnAnotherAppsButtonIsRefusedPolitelyAndDoesNothing() async throws {
        let harness = try await DiscordHarness()
        var button = try Fixtures.object("interaction.type3.message_component.button.json")
        button["channel_id"] = TestUsers.channel
        let body = try JSONSerialization.data(withJSONObject: button)
        let response = try await harness.post(body)
        await harness.settle()
        let answer = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        #expect(answer?["type"] as? Int == 4)
        #expect(((answer?["data"] as? [String: Any])?["flags"] as? Int) == 64)
        #expect(harness.fake.requests.isEmpty)
        await harness.stop()
    }

    @Test func aDirectMessageCommandUsesTheUserAndAnUnknownUserMayNotAct() async throws {
        let harness = try await DiscordHarness()
        var object = try JSONSerialization.jsonObject(
            with: try Interactions.command(name: "deploy", options: [("version", "v2.3"), ("env", "staging")])) as? [String: Any] ?? [:]
        object["member"] = nil
        object["guild_id"] = nil
        object["user"] = ["id": "11111111111111111", "username": "stranger"]
        #expect(try await harness.post(try JSONSerialization.data(withJSONObject: object)).status == 200)
        await harness.settle()
        #expect(harness.executor.executed.isEmpty)
        let reply = try #require(harness.fake.requests.first)
        #expect(reply.path == "/webhooks/\(app)/A_UNIQUE_TOKEN/messages/@original")
        #expect(reply.messageText.contains("you are not in this bot's configuration"))
        #expect(try await harness.bot.store.requests(states: nil, limit: 5).isEmpty)
        await harness.stop()
    }
}

extension Data {
    var trimmingTrailingNewline: Data {
        var copy = self
        while copy.last == 0x0A { copy.removeLast() }
        return copy
    }
}
