import ChatOpsApp
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PlatformHTTP
import RequestStore

/// `chatops serve` as the platform tests need it, built through the composition root: the example
/// configuration (people given platform ids), an in-memory store, a `FakeExecutor` for the chosen
/// intents, Slack, Discord and GitHub each pointed at a recording fake of its API, and the server's
/// Hummingbird application driven by HummingbirdTesting (`.router` by default: no sockets; `.live`
/// or `.ahc` when a test needs a port). Requests are signed as each platform signs them.
public final class PlatformHarness: Sendable {
    public enum Platform: Sendable, Hashable, CaseIterable { case slack, discord, github }

    /// What a test changes about the served bot.
    public struct Options: Sendable {
        public var platforms: Set<Platform>
        /// Ids added to people of the example configuration: `["alice": "slack:W111, discord:42"]`.
        public var identities: [String: String]
        /// A change to the configuration's text (a policy for an attack).
        public var editConfiguration: @Sendable (String) -> String
        /// Settings, merged over the harness's own (secrets, tokens, API URLs).
        public var environment: [String: String]
        /// How the bot reaches GitHub: a token by default; a test may configure an App instead.
        public var githubCredentials: [String: String]
        /// GitHub users the fake knows (login → id).
        public var githubUsers: [String: Int64]
        public var store: SQLiteApprovalStore?
        /// What the `FakeExecutor` runs in place of the backends.
        public var fakeIntents: [Intent]
        public var limiter: CommandRateLimiter
        public var gate: InboundGate?
        /// The clock the bot and the adapters read; nil: the real one.
        public var clock: TestClock?
        public var logger: Logger?
        public var setup: TestingSetup
        /// The fakes' answers, in place of `PlatformFakeAnswers`.
        public var slackAPI: FakePlatformAPI.Respond?
        public var discordAPI: FakePlatformAPI.Respond?
        public var githubAPI: FakePlatformAPI.Respond?

        public init(platforms: Set<Platform> = Set(Platform.allCases), identities: [String: String] = [:],
                    editConfiguration: @escaping @Sendable (String) -> String = { $0 }, environment: [String: String] = [:],
                    githubCredentials: [String: String] = ["CHATOPS_GITHUB_TOKEN": PlatformHarness.githubToken],
                    githubUsers: [String: Int64] = [:], store: SQLiteApprovalStore? = nil, fakeIntents: [Intent] = [.deploy],
                    limiter: CommandRateLimiter = .unlimited, gate: InboundGate? = nil, clock: TestClock? = nil,
                    logger: Logger? = nil, setup: TestingSetup = .router, slackAPI: FakePlatformAPI.Respond? = nil,
                    discordAPI: FakePlatformAPI.Respond? = nil, githubAPI: FakePlatformAPI.Respond? = nil) {
            self.platforms = platforms
            self.identities = identities
            self.editConfiguration = editConfiguration
            self.environment = environment
            self.githubCredentials = githubCredentials
            self.githubUsers = githubUsers
            self.store = store
            self.fakeIntents = fakeIntents
            self.limiter = limiter
            self.gate = gate
            self.clock = clock
            self.logger = logger
            self.setup = setup
            self.slackAPI = slackAPI
            self.discordAPI = discordAPI
            self.githubAPI = githubAPI
        }
    }

    public static let slackBotToken = "xoxb-test-token"
    public static let discordApplicationID = "290926444748734465"
    public static let discordBotToken = "test-bot-token"
    public static let discordChannel = "645027906669510667"
    public static let githubToken = "ghp_testtoken"

    public let app: ChatOpsApp
    public let server: ChatServer
    public let store: SQLiteApprovalStore
    public let executor: FakeExecutor
    public let slackAPI: FakePlatformAPI
    public let discordAPI: FakePlatformAPI
    public let githubAPI: FakePlatformAPI
    public let discordSigner: DiscordSigner
    /// Requests the fake GitHub had when the server was up (logins pinned at start-up).
    public let githubStartupCalls: Int
    /// The bound port with `.live` and `.ahc`; nil with `.router`.
    public let port: Int?
    let clock: TestClock?
    let client: any TestClientProtocol
    let session: TestSession

    private init(app: ChatOpsApp, server: ChatServer, store: SQLiteApprovalStore, executor: FakeExecutor, fakes: [FakePlatformAPI],
                 discordSigner: DiscordSigner, githubStartupCalls: Int, clock: TestClock?, session: TestSession,
                 client: any TestClientProtocol) {
        self.app = app
        self.server = server
        self.store = store
        self.executor = executor
        (slackAPI, discordAPI, githubAPI) = (fakes[0], fakes[1], fakes[2])
        self.discordSigner = discordSigner
        self.githubStartupCalls = githubStartupCalls
        self.clock = clock
        self.session = session
        self.client = client
        port = client.port
    }

    /// Starts the fakes, loads the app as `chatops serve` does (GitHub logins pinned first) and
    /// starts its application.
    public static func start(_ options: Options = Options()) async throws -> PlatformHarness {
        let signer = DiscordSigner()
        let fakes = [
            try await FakePlatformAPI.start(options.slackAPI ?? PlatformFakeAnswers.slack()),
            try await FakePlatformAPI.start(options.discordAPI ?? PlatformFakeAnswers.discord(channel: discordChannel)),
            try await FakePlatformAPI.start(options.githubAPI ?? PlatformFakeAnswers.github(users: options.githubUsers)),
        ]
        do {
            let folder = try TemporaryDirectory()
            let configuration = try folder.write("chatops.yaml",
                                                 options.editConfiguration(try TestBot.configurationText(identities: options.identities)))
            let store = try options.store ?? SQLiteApprovalStore.inMemory()
            let executor = FakeExecutor()
            let clock = options.clock
            let app = try await ChatOpsApp.load(AppOptions(
                configPath: configuration, rulesPath: RepositoryPaths.rules, promptsPath: RepositoryPaths.prompts, store: store,
                environment: environment(options, fakes: fakes, signer: signer), logger: options.logger ?? quietLogger,
                preparePlatforms: true, executorOverrides: [(executor, options.fakeIntents)], limiter: options.limiter,
                now: { clock?.now ?? Date() }))
            let githubStartupCalls = fakes[2].requests.count
            let server: ChatServer
            do { server = try app.server(listen: try ListenAddress(parsing: "127.0.0.1:0"), gate: options.gate) } catch {
                await app.shutdown()
                throw error
            }
            let (session, client) = try await TestSession.open(server.application(), setup: options.setup)
            return PlatformHarness(app: app, server: server, store: store, executor: executor, fakes: fakes, discordSigner: signer,
                                   githubStartupCalls: githubStartupCalls, clock: clock, session: session, client: client)
        } catch {
            for fake in fakes { await fake.stop() }
            throw error
        }
    }

    /// Each chosen platform's settings, its API at its fake; then the test's own.
    static func environment(_ options: Options, fakes: [FakePlatformAPI], signer: DiscordSigner) -> [String: String] {
        var environment: [String: String] = [:]
        if options.platforms.contains(.slack) {
            environment.merge(["CHATOPS_SLACK_SIGNING_SECRET": SlackSigning.secret, "CHATOPS_SLACK_BOT_TOKEN": slackBotToken,
                               "CHATOPS_SLACK_API_URL": fakes[0].baseURL]) { _, new in new }
        }
        if options.platforms.contains(.discord) {
            environment.merge(["CHATOPS_DISCORD_PUBLIC_KEY": signer.publicKeyHex, "CHATOPS_DISCORD_APPLICATION_ID": discordApplicationID,
                               "CHATOPS_DISCORD_BOT_TOKEN": discordBotToken, "CHATOPS_DISCORD_API_URL": fakes[1].baseURL]) { _, new in new }
        }
        if options.platforms.contains(.github) {
            environment.merge(["CHATOPS_GITHUB_WEBHOOK_SECRET": GitHubSigning.secret, "CHATOPS_GITHUB_API_URL": fakes[2].baseURL]) { _, new in new }
            environment.merge(options.githubCredentials) { _, new in new }
        }
        return environment.merging(options.environment) { _, new in new }
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "platform-harness")
        logger.logLevel = .critical
        return logger
    }

    /// The time the bot and the adapters read.
    public var now: Date { clock?.now ?? Date() }

    /// The bot the server hands messages to.
    public var bot: ChatBot { app.bot }

    /// The served adapter of type `A`.
    public func adapter<A: PlatformAdapter>(_ type: A.Type) -> A? {
        server.adapters.lazy.compactMap { $0 as? A }.first
    }

    /// Stops the server (graceful: acknowledged work is finished first), the app's HTTP clients
    /// and the fakes. Calling it again does nothing.
    public func stop() async {
        await session.close()
        await app.shutdown()
        for fake in [slackAPI, discordAPI, githubAPI] { await fake.stop() }
    }
}
