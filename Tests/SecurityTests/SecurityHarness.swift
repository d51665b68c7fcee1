import ChatOpsApp
import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import DiscordPlatform
import Foundation
import GitHubPlatform
import Logging
import PlatformHTTP
import ReplyModel
import RequestStore
import SlackPlatform
import Synchronization
import Testing

/// The people of the attacks. alice and bob are mapped on every platform; mallory is not mapped
/// anywhere (but may hold a Discord role).
enum People {
    static let aliceSlack = "W111", bobSlack = "W222", mallorySlack = "W666"
    static let aliceDiscord = "53908232506183680", bobDiscord = "80351110224678912", malloryDiscord = "66666666666666666"
    static let aliceGitHubLogin = "Codertocat", aliceGitHubID: Int64 = 21_031_067
    static let bobGitHubLogin = "bob-gh", bobGitHubID: Int64 = 4_242_424
    static let repository = "Codertocat/Hello-World"
    static let slackChannel = "C111", discordChannel = "645027906669510667"
    static let applicationID = "290926444748734465"
}

/// One `chatops serve` with Slack, Discord and GitHub on one ChatServer (one reply router, one
/// store, one bot): the platform harness with every platform, each platform's API a recording
/// fake, requests signed as each platform signs them. What the attacks in this target go through.
final class SecurityHarness: Sendable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let harness: PlatformHarness

    var slack: FakePlatformAPI { harness.slackAPI }
    var discord: FakePlatformAPI { harness.discordAPI }
    var github: FakePlatformAPI { harness.githubAPI }
    var store: SQLiteApprovalStore { harness.store }
    var deployer: FakeExecutor { harness.executor }
    var bot: ChatBot { harness.bot }
    /// The bound port (a harness started with `sockets`).
    var port: Int { harness.port ?? 0 }

    private init(harness: PlatformHarness) {
        self.harness = harness
    }

    /// alice and bob mapped on every platform; mallory nowhere.
    static let identities = [
        "alice": "slack:\(People.aliceSlack), discord:\(People.aliceDiscord), github-id:\(People.aliceGitHubID)",
        "bob": "slack:\(People.bobSlack), discord:\(People.bobDiscord), github-id:\(People.bobGitHubID)",
    ]

    /// `edit` changes the YAML text (a policy for the attack); `environment` adds settings;
    /// `sockets`: served on a real port (for raw-socket attacks) instead of through the router.
    static func start(edit: @escaping @Sendable (String) -> String = { $0 }, environment extra: [String: String] = [:],
                      limiter: CommandRateLimiter = .unlimited, gate: InboundGate = InboundGate(),
                      sockets: Bool = false) async throws -> SecurityHarness {
        SecurityHarness(harness: try await PlatformHarness.start(.init(
            identities: identities, editConfiguration: edit, environment: extra,
            githubUsers: [People.aliceGitHubLogin: People.aliceGitHubID, People.bobGitHubLogin: People.bobGitHubID],
            fakeIntents: [.deploy, .restart, .retrain], limiter: limiter, gate: gate,
            setup: sockets ? .ahc(.http) : .router)))
    }

    func stop() async {
        await harness.stop()
    }

    // MARK: Slack

    /// `command text` typed by `user` in #C111, signed as Slack signs it.
    @discardableResult
    func slashCommand(_ command: String, _ text: String, user: String, trigger: String = UUID().uuidString,
                      team: String = "T111") async throws -> APIResponse {
        var form = FormBody.parse(try Self.fixture("slash-command.bolt-python.form-body.txt").trimmingCharacters(in: .newlines))
        form["command"] = command
        form["text"] = text
        form["user_id"] = user
        form["trigger_id"] = trigger
        form["team_id"] = team
        let body = QueryString.encode(form.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return try await postSlack("/slack/commands", body)
    }

    /// `user` clicks Approve or Deny on the prompt of `request` posted at `messageTS` in `thread`.
    @discardableResult
    func slackClick(_ kind: ReplyAction.Kind, request: Int64, user: String, messageTS: String, thread: String,
                    trigger: String = UUID().uuidString) async throws -> APIResponse {
        var payload = try Self.object("block_actions.button.payload.json")
        payload["user"] = ["id": user, "team_id": "T111"]
        payload["trigger_id"] = trigger
        payload["container"] = ["type": "message", "message_ts": messageTS, "channel_id": People.slackChannel, "thread_ts": thread]
        let id = ReplyAction(kind: kind, requestID: request).identifier
        payload["actions"] = [["action_id": id, "value": id, "type": "button", "action_ts": "1700000000.000001"]]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        return try await postSlack("/slack/interactions", QueryString.encode([("payload", json)]))
    }

    func postSlack(_ path: String, _ body: String) async throws -> APIResponse {
        try await harness.postSlack(path, body)
    }

    /// The Slack messages posted so far (`chat.postMessage`).
    var slackPosts: [RecordedRequest] { slack.requests.filter { $0.path == "/chat.postMessage" } }

    // MARK: Discord

    /// `user` (with `roles`) runs `/name options…` in the guild.
    @discardableResult
    func discordCommand(_ name: String, _ options: [(String, String)], user: String, roles: [String] = [],
                        guild: String = "290926798626357999", id: String = UUID().uuidString) async throws -> APIResponse {
        var object = try discordObject("interaction.type2.application_command.slash.json", user: user, roles: roles, guild: guild, id: id)
        object["data"] = ["name": name, "type": 1, "id": "771825006014889984",
                          "options": options.map { ["type": 3, "name": $0.0, "value": $0.1] }]
        return try await postDiscord(object)
    }

    /// `user` (with `roles`) clicks Approve or Deny on the prompt of `request`.
    @discardableResult
    func discordClick(_ kind: ReplyAction.Kind, request: Int64, user: String, roles: [String] = [],
                      messageID: String = "900000000000000001", id: String = UUID().uuidString) async throws -> APIResponse {
        var object = try discordObject("interaction.type3.message_component.button.json", user: user, roles: roles,
                                       guild: "290926798626357999", id: id)
        object["message"] = ["id": messageID, "channel_id": People.discordChannel]
        object["data"] = ["custom_id": ReplyAction(kind: kind, requestID: request).identifier, "component_type": 2]
        return try await postDiscord(object)
    }

    func discordObject(_ fixture: String, user: String, roles: [String], guild: String, id: String) throws -> [String: Any] {
        var object = try Self.object(fixture)
        object["id"] = id
        object["token"] = "token-\(id)"
        object["channel_id"] = People.discordChannel
        object["guild_id"] = guild
        var member = object["member"] as? [String: Any] ?? [:]
        var userObject = member["user"] as? [String: Any] ?? [:]
        userObject["id"] = user
        member["user"] = userObject
        member["roles"] = roles
        object["member"] = member
        return object
    }

    func postDiscord(_ object: [String: Any]) async throws -> APIResponse {
        try await harness.postDiscord(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// What the bot said on Discord (message contents and embed descriptions).
    var discordTexts: [String] {
        discord.requests.compactMap { $0.json }.map { object in
            let embeds = object["embeds"] as? [[String: Any]] ?? []
            return ([object["content"] as? String ?? ""] + embeds.map { $0["description"] as? String ?? "" }).joined(separator: "\n")
        }
    }

    // MARK: GitHub

    /// A signed `issue_comment` delivery: `body` commented on issue #1 by `login` (`userID`).
    @discardableResult
    func githubComment(_ body: String, login: String, userID: Int64, commentID: Int64 = Int64.random(in: 1...1_000_000_000),
                       createdAt: Date = Date(), delivery: String = UUID().uuidString) async throws -> APIResponse {
        try await postGitHub(try githubPayload(body, login: login, userID: userID, commentID: commentID, createdAt: createdAt),
                             delivery: delivery)
    }

    func githubPayload(_ body: String, login: String, userID: Int64, commentID: Int64, createdAt: Date) throws -> Data {
        var event = try Self.object("issue_comment.created.on-issue.with-organization.octokit.json")
        var comment = event["comment"] as? [String: Any] ?? [:]
        var user = comment["user"] as? [String: Any] ?? [:]
        user["login"] = login
        user["id"] = userID
        user["type"] = "User"
        comment["user"] = user
        comment["id"] = commentID
        comment["body"] = body
        comment["author_association"] = "MEMBER"
        let stamp = ISO8601DateFormatter().string(from: createdAt)
        comment["created_at"] = stamp
        comment["updated_at"] = stamp
        event["comment"] = comment
        event["action"] = "created"
        return try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
    }

    func postGitHub(_ body: Data, delivery: String) async throws -> APIResponse {
        try await harness.deliverGitHub(Array(body), delivery: delivery)
    }

    /// The comment bodies the bot posted on GitHub.
    var githubComments: [String] { harness.githubComments }

    // MARK: Waiting

    /// Waits until `condition` holds (the bot works after acknowledging), or fails the test.
    func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: @Sendable () async throws -> Bool) async throws {
        try await harness.eventually(what, timeout: timeout, condition)
    }

    /// Lets background work that might (wrongly) still happen have its chance.
    func settle() async throws { try await Task.sleep(for: .milliseconds(300)) }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func object(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(fixture(name).utf8)) as? [String: Any])
    }
}

extension RecordedRequest {
    var slackText: String { json?["text"] as? String ?? "" }
}
