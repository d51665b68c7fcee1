import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
@testable import DiscordPlatform
import Foundation
import Logging
import PlatformHTTP
import ReplyModel
import RequestStore
import Synchronization
import Testing

/// Discord's 429: the wait it asks for (header `Retry-After`, or only the JSON `retry_after`) is
/// honoured and the same message is sent again, once.
@Suite("Discord rate limits")
struct DiscordRateLimitTests {
    static func sink(_ fake: FakePlatformAPI) -> DiscordSink {
        DiscordSink(api: DiscordAPI(baseURL: fake.baseURL, botToken: Secret(TestUsers.botToken, origin: "test"),
                                    client: TestHTTP.api("Discord")),
                    tokens: InteractionTokens(now: { Date() }), logger: Logger(label: "test"))
    }

    static func rateLimitedOnce(headers: [String: String]) async throws -> FakePlatformAPI {
        let calls = Mutex(0)
        return try await FakePlatformAPI.start { _ in
            let call = calls.withLock { value -> Int in
                value += 1
                return value
            }
            if call == 1 {
                return .json(#"{"message":"You are being rate limited.","retry_after":0.2,"global":false}"#,
                             status: 429, headers: headers)
            }
            return .json(#"{"id":"1111","channel_id":"\#(TestUsers.channel)"}"#)
        }
    }

    @Test(arguments: [["Retry-After": "0.2", "X-RateLimit-Scope": "user"], [:]])
    func aRateLimitedMessageIsSentAgainAfterTheWait(headers: [String: String]) async throws {
        let fake = try await Self.rateLimitedOnce(headers: headers)
        let started = ContinuousClock.now
        let posted = await Self.sink(fake).send(.text("hello"), to: MessageOrigin(platform: "discord", channel: TestUsers.channel))
        let waited = ContinuousClock.now - started
        #expect(posted?.messageID == "1111")
        #expect(fake.requests.count == 2)
        #expect(fake.requests.allSatisfy { $0.path == "/channels/\(TestUsers.channel)/messages" })
        #expect(fake.requests[0].body == fake.requests[1].body)
        #expect(waited >= .milliseconds(200))
        await fake.stop()
    }

    @Test func aRefusalIsLoggedAndTheSinkReturnsNil() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(#"{"message":"Missing Access","code":50001}"#, status: 403) }
        let posted = await Self.sink(fake).send(.text("hello"), to: MessageOrigin(platform: "discord", channel: TestUsers.channel))
        #expect(posted == nil)
        #expect(fake.requests.count == 1)
        await fake.stop()
    }
}
