import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
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

/// The Slack Web API's answers (`chat.postMessage` numbers its messages `ts(1)`, `ts(2)`…).
enum FakeSlack {
    static func respond() -> FakePlatformAPI.Respond { PlatformFakeAnswers.slack() }
    static func ts(_ n: Int) -> String { PlatformFakeAnswers.slackTS(n) }
}

/// The platform harness serving Slack only: the shipped rules and example configuration with
/// alice = `slack:W111` and bob = `slack:W222`, a FakeExecutor for deploys, the Web API a fake.
struct SlackHarness {
    let harness: PlatformHarness

    var fake: FakePlatformAPI { harness.slackAPI }
    var store: SQLiteApprovalStore { harness.store }
    var executor: FakeExecutor { harness.executor }

    /// The bot on the shipped rules, with `executor` registered for deploys.
    static func bot(configuration: ChatOpsConfiguration, executor: FakeExecutor = FakeExecutor()) throws -> ChatBot {
        try TestBot.make(configuration: configuration, executors: [(executor, [.deploy])])
    }

    /// `store`: what an earlier process left (nil: a new in-memory store).
    static func start(respond: FakePlatformAPI.Respond? = nil, store: SQLiteApprovalStore? = nil) async throws -> SlackHarness {
        let harness = try await PlatformHarness.start(.init(platforms: [.slack], identities: ["alice": "slack:W111", "bob": "slack:W222"],
                                                             store: store, slackAPI: respond))
        #expect(harness.app.policy.principal(platformUser: "slack:W111", roles: []).name == "alice"
                && harness.app.policy.principal(platformUser: "slack:W222", roles: []).name == "bob")
        return SlackHarness(harness: harness)
    }

    /// POSTs `body` to the bot, signed with the test secret unless told otherwise.
    func post(_ path: String, _ body: String, contentType: String = "application/x-www-form-urlencoded",
              timestamp: String? = SlackSigning.now, signature: String? = nil, signed: Bool = true,
              headers: [(String, String)] = []) async throws -> APIResponse {
        try await harness.postSlack(path, body, contentType: contentType, timestamp: timestamp, signature: signature,
                                    signed: signed && timestamp != nil, headers: headers)
    }

    func postJSON(_ path: String, _ object: [String: Any], headers: [(String, String)] = []) async throws -> APIResponse {
        try await post(path, try Fixture.encode(object), contentType: "application/json", headers: headers)
    }

    /// The Web API calls the fake saw with this method name (`chat.postMessage`).
    func calls(_ method: String) -> [RecordedRequest] { fake.requests.filter { $0.path == "/\(method)" } }

    /// Waits until a `chat.postMessage` whose fallback text contains `text` arrived.
    @discardableResult
    func waitForPost(containing text: String, timeout: Duration = .seconds(60)) async throws -> RecordedRequest {
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
        await harness.stop()
    }
}

extension RecordedRequest {
    var blocks: [[String: Any]] { json?["blocks"] as? [[String: Any]] ?? [] }
    var actionBlocks: [[String: Any]] { blocks.filter { $0["type"] as? String == "actions" } }
    var text: String { json?["text"] as? String ?? "" }
    var threadTS: String? { json?["thread_ts"] as? String }
}
