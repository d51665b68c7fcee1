import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
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

/// Signs interaction bodies as Discord does, with a key made for the test.
typealias InteractionSigner = DiscordSigner

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

/// The platform harness serving Discord only: the shipped rules and example configuration, alice
/// and bob mapped to Discord users, a FakeExecutor for deploys, the API a fake that answers every
/// message call with a new message object, or as `respond` says.
final class DiscordHarness: Sendable {
    let harness: PlatformHarness
    let clock: TestClock

    var signer: DiscordSigner { harness.discordSigner }
    var executor: FakeExecutor { harness.executor }
    var fake: FakePlatformAPI { harness.discordAPI }
    var bot: ChatBot { harness.bot }
    var work: InFlightWork { harness.server.work }
    var adapter: DiscordAdapter { harness.adapter(DiscordAdapter.self)! }

    /// The example configuration with Discord ids added to alice's and bob's identities.
    static func configuration(environment: [String: String] = [:]) throws -> ChatOpsConfiguration {
        try TestBot.configuration(identities: identities, environment: environment)
    }

    static let identities = ["alice": "discord:\(TestUsers.alice)", "bob": "discord:\(TestUsers.bob)"]

    /// `environment` replaces settings (the public key of a published vector).
    /// `store`: the store to serve from (a new one in memory by default).
    init(clock: TestClock = TestClock(Date()), environment: [String: String] = [:], store: SQLiteApprovalStore? = nil,
         respond: @escaping @Sendable (RecordedRequest) async -> FakeResponse? = { _ in nil }) async throws {
        self.clock = clock
        harness = try await PlatformHarness.start(.init(
            platforms: [.discord], identities: Self.identities, environment: environment, store: store, clock: clock,
            discordAPI: PlatformFakeAnswers.discord(channel: TestUsers.channel, answer: respond)))
    }

    /// Posts a body signed now (by the test clock), unless told otherwise.
    func post(_ body: Data, headers: [(String, String)]? = nil) async throws -> APIResponse {
        try await harness.postDiscord(body, headers: headers)
    }

    /// Waits for the work started by interactions (and start-up recovery) to finish.
    func settle() async { await harness.settle() }

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

    func stop() async { await harness.stop() }
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
