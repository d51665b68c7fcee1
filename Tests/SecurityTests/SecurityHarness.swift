import ChatOpsApp
import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Crypto
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
/// store, one bot), each platform's API a recording fake on 127.0.0.1, requests signed as each
/// platform signs them. What the attacks in this target go through.
final class SecurityHarness: Sendable {
    static let slackSecret = "slack-signing-secret-for-tests"
    static let githubSecret = "github-webhook-secret-for-tests"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let slack: FakePlatformAPI
    let discord: FakePlatformAPI
    let github: FakePlatformAPI
    let store: SQLiteApprovalStore
    let deployer: FakeExecutor
    let bot: ChatBot
    let running: RunningChatServer
    let port: Int
    let discordKey: Curve25519.Signing.PrivateKey
    let client = TestHTTP.api("attacker")

    private init(slack: FakePlatformAPI, discord: FakePlatformAPI, github: FakePlatformAPI, store: SQLiteApprovalStore,
                 deployer: FakeExecutor, bot: ChatBot, running: RunningChatServer, port: Int, discordKey: Curve25519.Signing.PrivateKey) {
        self.slack = slack
        self.discord = discord
        self.github = github
        self.store = store
        self.deployer = deployer
        self.bot = bot
        self.running = running
        self.port = port
        self.discordKey = discordKey
    }

    /// The example configuration with alice and bob mapped on every platform. `edit` changes the
    /// YAML text (a policy for the attack); `environment` adds settings.
    static func configurationText(edit: (String) -> String = { $0 }) throws -> String {
        var text = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "alice: [console:alice]",
            with: "alice: [console:alice, slack:\(People.aliceSlack), discord:\(People.aliceDiscord), github-id:\(People.aliceGitHubID)]")
        text = text.replacingOccurrences(
            of: "bob: [console:bob]",
            with: "bob: [console:bob, slack:\(People.bobSlack), discord:\(People.bobDiscord), github-id:\(People.bobGitHubID)]")
        return edit(text)
    }

    static func start(edit: (String) -> String = { $0 }, environment extra: [String: String] = [:],
                      limiter: CommandRateLimiter = .unlimited, gate: InboundGate = InboundGate(),
                      clock: @escaping @Sendable () -> Date = { Date() }) async throws -> SecurityHarness {
        let slack = try await FakePlatformAPI.start(FakeAnswers.slack)
        let discord = try await FakePlatformAPI.start(FakeAnswers.discord)
        let github = try await FakePlatformAPI.start(FakeAnswers.github)
        let key = Curve25519.Signing.PrivateKey()
        let environment = [
            "CHATOPS_SLACK_SIGNING_SECRET": slackSecret, "CHATOPS_SLACK_BOT_TOKEN": "xoxb-test", "CHATOPS_SLACK_API_URL": slack.baseURL,
            "CHATOPS_DISCORD_PUBLIC_KEY": key.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined(),
            "CHATOPS_DISCORD_APPLICATION_ID": People.applicationID, "CHATOPS_DISCORD_BOT_TOKEN": "discord-bot-token",
            "CHATOPS_DISCORD_API_URL": discord.baseURL,
            "CHATOPS_GITHUB_WEBHOOK_SECRET": githubSecret, "CHATOPS_GITHUB_TOKEN": "ghp_test", "CHATOPS_GITHUB_API_URL": github.baseURL,
        ].merging(extra) { _, new in new }
        let configuration = try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings)
            .parse(text: try configurationText(edit: edit), file: RepositoryPaths.exampleConfig)
        let store = try SQLiteApprovalStore.inMemory()
        let deployer = FakeExecutor()
        let bot = try TestBot.make(configuration: configuration, executors: [(deployer, [.deploy, .restart, .retrain])],
                                   store: store, limiter: limiter, now: clock)
        let work = InFlightWork()
        let router = ReplyRouter()
        var logger = Logger(label: "security-test")
        logger.logLevel = .critical
        let adapters: [any PlatformAdapter] = [
            try #require(try SlackAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger, http: TestHTTP.pool, router: router)),
            try #require(try DiscordAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger, http: TestHTTP.pool, router: router)),
            try #require(try GitHubAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger, http: TestHTTP.pool, router: router)),
        ]
        let server = ChatServer(bot: bot, adapters: adapters, host: "127.0.0.1", port: 0, work: work, router: router, gate: gate,
                                readiness: { [] }, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = await server.start { continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return SecurityHarness(slack: slack, discord: discord, github: github, store: store, deployer: deployer, bot: bot,
                               running: running, port: port, discordKey: key)
    }

    func stop() async {
        try? await running.stop()
        for fake in [slack, discord, github] { await fake.stop() }
    }

    var url: String { "http://127.0.0.1:\(port)" }

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

    func postSlack(_ path: String, _ body: String, timestamp: String = String(Int(Date().timeIntervalSince1970))) async throws -> APIResponse {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(timestamp):".utf8) + Array(body.utf8),
                                                  using: SymmetricKey(data: Data(Self.slackSecret.utf8)))
        let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("X-Slack-Request-Timestamp", timestamp),
                       ("X-Slack-Signature", "v0=" + mac.map { String(format: "%02x", $0) }.joined())]
        return try await client.send(APIRequest(.POST, url + path, headers: headers, body: Data(body.utf8)))
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
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let signature = try discordKey.signature(for: Data(timestamp.utf8) + body)
        let headers = [("Content-Type", "application/json"), ("X-Signature-Timestamp", timestamp),
                       ("X-Signature-Ed25519", signature.map { String(format: "%02x", $0) }.joined())]
        return try await client.send(APIRequest(.POST, url + DiscordAdapter.route, headers: headers, body: body))
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
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(Self.githubSecret.utf8)))
        let headers = [("Content-Type", "application/json"), ("X-GitHub-Event", "issue_comment"), ("X-GitHub-Delivery", delivery),
                       ("X-Hub-Signature-256", "sha256=" + mac.map { String(format: "%02x", $0) }.joined())]
        return try await client.send(APIRequest(.POST, url + "/github/webhook", headers: headers, body: body))
    }

    /// The comment bodies the bot posted on GitHub.
    var githubComments: [String] {
        github.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/comments") }.compactMap { $0.json?["body"] as? String }
    }

    // MARK: Waiting

    /// Waits until `condition` holds (the bot works after acknowledging), or records an issue.
    func eventually(_ what: String, timeout: Duration = .seconds(10), _ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for: \(what)")
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

/// What the platforms' APIs answer, as their docs and the captured fixtures show.
enum FakeAnswers {
    private static let counter = Mutex(0)
    static func next() -> Int { counter.withLock { $0 += 1; return $0 } }

    static let slack: FakePlatformAPI.Respond = { request in
        let channel = request.json?["channel"] as? String ?? ""
        switch request.path {
        case "/chat.postMessage":
            return .json(#"{"ok":true,"channel":"\#(channel)","ts":"1700000000.\#(String(format: "%06d", next()))"}"#)
        case "/chat.update":
            return .json(#"{"ok":true,"channel":"\#(channel)","ts":"\#(request.json?["ts"] as? String ?? "")"}"#)
        default:
            return .json(#"{"ok":false,"error":"unknown_method"}"#)
        }
    }

    static let discord: FakePlatformAPI.Respond = { _ in
        .json(#"{"id":"\#(900_000_000_000_000_000 + next())","channel_id":"\#(People.discordChannel)","type":0}"#)
    }

    static let github: FakePlatformAPI.Respond = { request in
        switch (request.method, request.path) {
        case ("POST", let path) where path.hasSuffix("/reactions"):
            return .json(#"{"id":1,"content":"eyes"}"#, status: 201)
        case ("POST", let path) where path.hasSuffix("/comments"):
            return .json(#"{"id":\#(7_000_000 + next()),"body":"…","user":{"login":"chatops[bot]","type":"Bot"}}"#, status: 201)
        case ("PATCH", _):
            return .json(#"{"id":1,"body":"…"}"#)
        case ("GET", let path) where path == "/users/\(People.aliceGitHubLogin)":
            return .json(#"{"login":"\#(People.aliceGitHubLogin)","id":\#(People.aliceGitHubID),"type":"User"}"#)
        case ("GET", let path) where path == "/users/\(People.bobGitHubLogin)":
            return .json(#"{"login":"\#(People.bobGitHubLogin)","id":\#(People.bobGitHubID),"type":"User"}"#)
        default:
            return .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"#, status: 404)
        }
    }
}

extension RecordedRequest {
    var slackText: String { json?["text"] as? String ?? "" }
}
