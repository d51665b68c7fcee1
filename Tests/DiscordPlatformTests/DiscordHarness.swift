import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Crypto
@testable import DiscordPlatform
import Execution
import Foundation
import Logging
import PlatformHTTP
import RequestStore
import RuleEngine
import Synchronization
import Understanding

/// Test users: alice is the user in Discord's captured payloads; bob is a second member.
enum TestUsers {
    static let alice = "53908232506183680"
    static let bob = "80351110224678912"
    static let applicationID = "290926444748734465"
    static let channel = "645027906669510667"
    static let botToken = "test-bot-token"
}

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    static func object(_ name: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: try data(name)) as? [String: Any] else {
            throw HarnessError("\(name) is not a JSON object")
        }
        return object
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A clock the tests move by hand.

/// Signs interaction bodies as Discord does: Ed25519 over timestamp + body, with a key made for the test.
struct InteractionSigner {
    let key = Curve25519.Signing.PrivateKey()

    var publicKeyHex: String { key.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined() }

    func headers(for body: Data, at date: Date) throws -> [(String, String)] {
        let timestamp = String(Int(date.timeIntervalSince1970))
        let signature = try key.signature(for: Data(timestamp.utf8) + body)
        return [("X-Signature-Ed25519", signature.map { String(format: "%02x", $0) }.joined()),
                ("X-Signature-Timestamp", timestamp), ("Content-Type", "application/json")]
    }
}

/// Interactions built from the captured payloads: their shape kept, the command and user swapped.
enum Interactions {
    static func command(id: String = "786008729715212338", token: String = "A_UNIQUE_TOKEN", user: String = TestUsers.alice,
                        name: String, options: [(String, Any)]) throws -> Data {
        var object = try captured("interaction.type2.application_command.slash.json", id: id, token: token, user: user)
        var data = object["data"] as? [String: Any] ?? [:]
        data["name"] = name
        data["options"] = options.map { ["type": $0.1 is Int ? 4 : 3, "name": $0.0, "value": $0.1] }
        object["data"] = data
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// A captured interaction with its id, token, channel and member's user replaced.
    static func captured(_ fixture: String, id: String, token: String, user: String) throws -> [String: Any] {
        var object = try Fixtures.object(fixture)
        object["id"] = id
        object["token"] = token
        object["channel_id"] = TestUsers.channel
        var member = object["member"] as? [String: Any] ?? [:]
        var userObject = member["user"] as? [String: Any] ?? [:]
        userObject["id"] = user
        member["user"] = userObject
        object["member"] = member
        return object
    }

    static func click(id: String, token: String, user: String, customID: String, messageID: String) throws -> Data {
        var object = try captured("interaction.type3.message_component.button.json", id: id, token: token, user: user)
        var message = object["message"] as? [String: Any] ?? [:]
        message["id"] = messageID
        message["channel_id"] = TestUsers.channel
        object["message"] = message
        object["data"] = ["custom_id": customID, "component_type": 2]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}

/// A fake Discord API that answers every message call with a new message object, or as told.
final class FakeDiscord: Sendable {
    let api: FakePlatformAPI
    private static let counter = Mutex(0)

    init(api: FakePlatformAPI) { self.api = api }

    /// `respond` may answer first; a nil answer falls back to a created message.
    static func start(_ respond: @escaping @Sendable (RecordedRequest) async -> FakeResponse? = { _ in nil }) async throws -> FakeDiscord {
        let api = try await FakePlatformAPI.start { request in
            if let answer = await respond(request) { return answer }
            let id = counter.withLock { value -> Int in
                value += 1
                return 900_000_000_000_000_000 + value
            }
            return .json(#"{"id":"\#(id)","channel_id":"\#(TestUsers.channel)","type":0}"#)
        }
        return FakeDiscord(api: api)
    }

    func stop() async { await api.stop() }
}

/// The bot on the shipped rules and example configuration, alice and bob mapped to Discord users,
/// an in-memory store, and a FakeExecutor for deploys; the server with the Discord adapter on port 0.
final class DiscordHarness: Sendable {
    let signer = InteractionSigner()
    let clock: TestClock
    let executor = FakeExecutor()
    let fake: FakeDiscord
    let bot: ChatBot
    let adapter: DiscordAdapter
    let work = InFlightWork()
    let served: ServedAdapter

    /// The example configuration with Discord ids added to alice's and bob's identities.
    static func configuration(environment: [String: String] = [:]) throws -> ChatOpsConfiguration {
        try TestBot.configuration(identities: ["alice": "discord:\(TestUsers.alice)", "bob": "discord:\(TestUsers.bob)"],
                                  environment: environment)
    }

    init(clock: TestClock = TestClock(Date()), respond: @escaping @Sendable (RecordedRequest) async -> FakeResponse? = { _ in nil }) async throws {
        self.clock = clock
        fake = try await FakeDiscord.start(respond)
        let configuration = try Self.configuration()
        bot = try TestBot.make(configuration: configuration, executors: [(executor, [.deploy])])
        var logger = Logger(label: "discord-test")
        logger.logLevel = .warning
        let settings = DiscordSettings(publicKeyHex: signer.publicKeyHex, applicationID: TestUsers.applicationID,
                                       botToken: Secret(TestUsers.botToken, origin: "test"), apiURL: fake.api.baseURL)
        let clock = clock
        adapter = try DiscordAdapter(settings: settings, bot: bot, work: work, logger: logger, client: TestHTTP.api("Discord"), now: { clock.now })
        served = try await ServedAdapter.start(adapter, bot: bot, work: work)
    }

    /// Posts a body signed now (by the test clock), unless told otherwise.
    func post(_ body: Data, headers: [(String, String)]? = nil) async throws -> APIResponse {
        try await served.post(body, headers: headers ?? signer.headers(for: body, at: clock.now))
    }

    /// Waits for the work started by interactions (and start-up recovery) to finish.
    func settle() async { await work.drain() }

    /// alice's `/deploy app:iris version:v2.3 env:prod`; returns where the bot says it posted the
    /// approval prompt for request #1 (the message id the fake answered with).
    func aliceAsksForAProdDeploy() async throws -> String {
        let ask = try Interactions.command(name: "deploy", options: [("app", "iris"), ("version", "v2.3"), ("env", "prod")])
        let response = try await post(ask)
        guard response.status == 200 else { throw HarnessError("the deploy command got \(response.status)") }
        await settle()
        guard let id = try await bot.store.promptMessages(requestID: 1).first?.messageID else {
            throw HarnessError("no approval prompt recorded for #1")
        }
        return id
    }

    func stop() async {
        await served.stop()
        await fake.stop()
    }
}

/// The real `ChatServer` with one Discord adapter, on 127.0.0.1 and a free port.
struct ServedAdapter: Sendable {
    let server: RunningChatServer
    let port: Int
    let client = TestHTTP.api("chatops under test")

    static func start(_ adapter: DiscordAdapter, bot: ChatBot, work: InFlightWork) async throws -> ServedAdapter {
        var logger = Logger(label: "discord-test-server")
        logger.logLevel = .warning
        let chat = ChatServer(bot: bot, adapters: [adapter], host: "127.0.0.1", port: 0, work: work,
                              readiness: { [] }, logger: logger)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = await chat.start(onListening: { continuation.yield($0) })
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HarnessError("the server did not start") }
        return ServedAdapter(server: server, port: port)
    }

    func post(_ body: Data, headers: [(String, String)]) async throws -> APIResponse {
        try await client.send(APIRequest(.POST, "http://127.0.0.1:\(port)\(DiscordAdapter.route)", headers: headers, body: body))
    }

    func stop() async { try? await server.stop() }
}

extension RecordedRequest {
    /// The first embed's description, or the content.
    var messageText: String {
        let object = json ?? [:]
        let embeds = object["embeds"] as? [[String: Any]] ?? []
        let fields = (embeds.first?["fields"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? ""): \($0["value"] ?? "")" }
        return ([object["content"] as? String ?? "", embeds.first?["description"] as? String ?? ""] + fields)
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The custom ids of every button in the message.
    var buttonIDs: [String] {
        let rows = json?["components"] as? [[String: Any]] ?? []
        return rows.flatMap { ($0["components"] as? [[String: Any]] ?? []).compactMap { $0["custom_id"] as? String } }
    }

    var buttonStyles: [Int] {
        let rows = json?["components"] as? [[String: Any]] ?? []
        return rows.flatMap { ($0["components"] as? [[String: Any]] ?? []).compactMap { $0["style"] as? Int } }
    }
}
