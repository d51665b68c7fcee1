import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Crypto
import Execution
import Foundation
import Logging
import PlatformHTTP
import RequestStore
import RuleEngine
import SlackPlatform
import Synchronization
import Testing
import Understanding

enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
    }

    static func json(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(name).utf8)) as? [String: Any])
    }

    /// The captured bolt-python slash command (user W111 = alice, channel C111) as `command text`.
    static func slashCommand(_ command: String, _ text: String) throws -> String {
        let captured = try Fixture.text("slash-command.bolt-python.form-body.txt")
        let rewritten = captured.replacingOccurrences(of: "command=%2Fhello-world&text=Hi",
                                                      with: QueryString.encode([("command", command), ("text", text)]))
        #expect(rewritten != captured)
        return rewritten
    }

    static func encode(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// Signs like Slack: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`.
enum SlackSigning {
    static let secret = "8f742231b10e8888abcd99yyyzzz85a5-test"

    static func signature(_ body: [UInt8], timestamp: String, secret: String = secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(timestamp):".utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
        return "v0=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static var now: String { String(Int(Date().timeIntervalSince1970)) }
}

/// A fake Slack Web API: answers `chat.postMessage` with a fresh `ts` (`1700000000.000001`,
/// `…002`…) in the channel asked for, `chat.update` with ok, anything else with `unknown_method`.
final class FakeSlack: Sendable {
    private let counter = Mutex(0)

    func respond(_ request: RecordedRequest) -> FakeResponse {
        let channel = request.json?["channel"] as? String ?? ""
        switch request.path {
        case "/chat.postMessage":
            let n = counter.withLock { $0 += 1; return $0 }
            return .json(#"{"ok":true,"channel":"\#(channel)","ts":"\#(Self.ts(n))","message":{"type":"message"}}"#)
        case "/chat.update":
            let ts = request.json?["ts"] as? String ?? ""
            return .json(#"{"ok":true,"channel":"\#(channel)","ts":"\#(ts)","text":"updated"}"#)
        default:
            return .json(#"{"ok":false,"error":"unknown_method"}"#)
        }
    }

    static func ts(_ n: Int) -> String { "1700000000." + String(format: "%06d", n) }
}

/// The shipped rules and example configuration with alice = `slack:W111` and bob = `slack:W222`,
/// an in-memory store, a FakeExecutor for deploys, the Slack adapter on a ChatServer at
/// 127.0.0.1:0, and its Web API pointed at a FakePlatformAPI.
struct SlackHarness {
    let fake: FakePlatformAPI
    let store: SQLiteApprovalStore
    let executor: FakeExecutor
    let server: RunningChatServer
    let port: Int
    let client = TestHTTP.api("test client")

    static func configuration(apiURL: String) throws -> ChatOpsConfiguration {
        let environment = ["CHATOPS_SLACK_SIGNING_SECRET": SlackSigning.secret, "CHATOPS_SLACK_BOT_TOKEN": "xoxb-test-token",
                           "CHATOPS_SLACK_API_URL": apiURL]
        let configuration = try TestBot.configuration(identities: ["alice": "slack:W111", "bob": "slack:W222"],
                                                      environment: environment)
        let policy = try TestBot.policy(configuration)
        #expect(policy.principal(platformUser: "slack:W111", roles: []).name == "alice"
                && policy.principal(platformUser: "slack:W222", roles: []).name == "bob")
        return configuration
    }

    /// The bot on the shipped rules, with `executor` registered for deploys.
    static func bot(configuration: ChatOpsConfiguration, store: SQLiteApprovalStore? = nil,
                    executor: FakeExecutor = FakeExecutor()) throws -> ChatBot {
        try TestBot.make(configuration: configuration, executors: [(executor, [.deploy])], store: store)
    }

    static func start(respond: FakePlatformAPI.Respond? = nil) async throws -> SlackHarness {
        let slack = FakeSlack()
        let fake = try await FakePlatformAPI.start(respond ?? { slack.respond($0) })
        let configuration = try configuration(apiURL: fake.baseURL)
        let executor = FakeExecutor()
        let store = try SQLiteApprovalStore.inMemory()
        let bot = try bot(configuration: configuration, store: store, executor: executor)
        let work = InFlightWork()
        var logger = Logger(label: "slack-test")
        logger.logLevel = .warning
        let adapter = try #require(try SlackAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger, http: TestHTTP.pool))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = await ChatServer(bot: bot, adapters: [adapter], host: "127.0.0.1", port: 0, work: work,
                                      readiness: { [] }, logger: logger)
            .start { _ = continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return SlackHarness(fake: fake, store: store, executor: executor, server: server, port: port)
    }

    /// POSTs `body` to the bot, signed with the test secret unless told otherwise.
    func post(_ path: String, _ body: String, contentType: String = "application/x-www-form-urlencoded",
              timestamp: String? = SlackSigning.now, signature: String? = nil, signed: Bool = true,
              headers: [(String, String)] = []) async throws -> APIResponse {
        var all = headers + [("Content-Type", contentType)]
        if signed, let timestamp {
            all.append(("X-Slack-Request-Timestamp", timestamp))
            all.append(("X-Slack-Signature", signature ?? SlackSigning.signature(Array(body.utf8), timestamp: timestamp)))
        }
        return try await client.send(APIRequest(.POST, "http://127.0.0.1:\(port)\(path)", headers: all, body: Data(body.utf8)))
    }

    func postJSON(_ path: String, _ object: [String: Any], headers: [(String, String)] = []) async throws -> APIResponse {
        try await post(path, try Fixture.encode(object), contentType: "application/json", headers: headers)
    }

    /// The Web API calls the fake saw with this method name (`chat.postMessage`).
    func calls(_ method: String) -> [RecordedRequest] { fake.requests.filter { $0.path == "/\(method)" } }

    /// Waits until a `chat.postMessage` whose fallback text contains `text` arrived.
    @discardableResult
    func waitForPost(containing text: String, timeout: Duration = .seconds(10)) async throws -> RecordedRequest {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = calls("chat.postMessage").first(where: { ($0.json?["text"] as? String)?.contains(text) == true }) {
                return found
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no chat.postMessage containing \(text.debugDescription); saw: \(calls("chat.postMessage").map { $0.json?["text"] ?? "" })")
        throw FakeAPIError.timedOut(expected: 1, received: fake.requests)
    }

    /// Stops the server (in-flight work drains first) and the fake.
    func stop() async throws {
        try await server.stop()
        await fake.stop()
    }
}

extension RecordedRequest {
    var blocks: [[String: Any]] { json?["blocks"] as? [[String: Any]] ?? [] }
    var actionBlocks: [[String: Any]] { blocks.filter { $0["type"] as? String == "actions" } }
    var text: String { json?["text"] as? String ?? "" }
    var threadTS: String? { json?["thread_ts"] as? String }
}
