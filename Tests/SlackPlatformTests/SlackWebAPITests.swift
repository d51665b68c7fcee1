import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import Logging
import PlatformHTTP
import ReplyModel
import RequestStore
@testable import SlackPlatform
import Synchronization
import Testing

/// chat.postMessage / chat.update against the fake: Slack's `ok:false` answers and its 429s.
@Suite("Slack: Web API calls")
struct SlackWebAPITests {
    static func sink(_ fake: FakePlatformAPI, sleeps: SleepRecorder = SleepRecorder()) -> (SlackReplySink, SlackWebAPI) {
        let client = PlatformAPIClient(service: "Slack", http: TestHTTP.pool.standard, sleep: { sleeps.record($0) })
        let api = SlackWebAPI(client: client, baseURL: fake.baseURL, token: "xoxb-test-token")
        var logger = Logger(label: "slack-web-api-test")
        logger.logLevel = .critical
        return (SlackReplySink(api: api, logger: logger), api)
    }

    @Test func aPostReturnsWhereSlackPutTheMessage() async throws {
        let ok = try Fixture.text("chat.postMessage.response.ok.json")
        let fake = try await FakePlatformAPI.start { _ in .json(ok) }
        let (sink, _) = Self.sink(fake)
        let posted = await sink.send(.text("hello"), to: MessageOrigin(platform: "slack", channel: "C1H9RESGL"))
        await fake.stop()
        #expect(posted == MessageOrigin(platform: "slack", channel: "C1H9RESGL", thread: "1503435956.000247",
                                        messageID: "1503435956.000247"))
        let request = try #require(fake.requests.first)
        #expect(request.path == "/chat.postMessage")
        #expect(request.json?["thread_ts"] == nil)
        #expect(request.json?["text"] as? String == "hello")
    }

    @Test func okFalseIsAFailureThatNamesSlacksError() async throws {
        let refusal = try Fixture.text("chat.postMessage.response.error.json")
        let fake = try await FakePlatformAPI.start { _ in .json(refusal) }
        let (sink, api) = Self.sink(fake)
        let posted = await sink.send(.text("hello"), to: MessageOrigin(platform: "slack", channel: "C1", thread: "1.2"))
        #expect(posted == nil)
        let error = await #expect(throws: APIError.self) {
            try await api.postMessage(channel: "C1", threadTS: nil, SlackRenderer.render(.text("x")))
        }
        #expect(error?.description == "Slack refused chat.postMessage: too_many_attachments")
        await fake.stop()
        #expect(fake.requests.first?.json?["thread_ts"] as? String == "1.2")
    }

    @Test func aRateLimitIsWaitedOutThenThePostGoesThrough() async throws {
        let calls = Mutex(0)
        let fake = try await FakePlatformAPI.start { request in
            let n = calls.withLock { $0 += 1; return $0 }
            if n == 1 { return .json(#"{"ok":false,"error":"ratelimited"}"#, status: 429, headers: ["Retry-After": "3"]) }
            return .json(#"{"ok":true,"channel":"C1","ts":"1700000000.000001"}"#)
        }
        let sleeps = SleepRecorder()
        let (sink, _) = Self.sink(fake, sleeps: sleeps)
        let posted = await sink.send(.text("deployed"), to: MessageOrigin(platform: "slack", channel: "C1", thread: "1.2"))
        await fake.stop()
        #expect(posted?.messageID == "1700000000.000001")
        #expect(fake.requests.count == 2)
        #expect(fake.requests.map(\.bodyText).allSatisfy { $0 == fake.requests[0].bodyText })
        #expect(sleeps.recorded == [.seconds(3)])
    }

    @Test func anUpdateReplacesTheMessageByChannelAndTs() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(#"{"ok":true,"channel":"C1","ts":"1.5"}"#) }
        let (sink, _) = Self.sink(fake)
        await sink.update(MessageOrigin(platform: "slack", channel: "C1", thread: "1.2", messageID: "1.5"),
                          with: Reply(.success, [.text("Approved by bob.")]))
        await fake.stop()
        let request = try #require(fake.requests.first)
        #expect(request.path == "/chat.update")
        #expect(request.json?["channel"] as? String == "C1")
        #expect(request.json?["ts"] as? String == "1.5")
        #expect(request.json?["text"] as? String == ":white_check_mark: Approved by bob.")
    }
}

/// Records the waits the client asks for instead of sleeping.
final class SleepRecorder: Sendable {
    private let sleeps = Mutex<[Duration]>([])
    var recorded: [Duration] { sleeps.withLock { $0 } }
    func record(_ duration: Duration) { sleeps.withLock { $0.append(duration) } }
}
