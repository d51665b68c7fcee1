import Approvals
import AsyncHTTPClient
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Crypto
import Execution
import Foundation
import GitHubPlatform
import Logging
import NIOCore
import PlatformHTTP
import RequestStore
import RuleEngine
import Synchronization
import Testing
import Understanding

/// The bot behind a real `ChatServer` with the GitHub adapter, on 127.0.0.1, its GitHub API
/// pointed at an in-process fake that answers as api.github.com does. Started as `chatops serve`
/// starts: the policy's GitHub logins are pinned to user ids first (those calls are not in `calls`).
struct GitHubTestServer {
    static let secret = "It's a Secret to Everybody"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The people the configuration names by GitHub login (`alice: [console:alice, github:alice]`).
    static let configuredLogins = ["alice": "github:alice", "bob": "github:bob"]

    let api: FakePlatformAPI
    let running: RunningChatServer
    let port: Int
    let store: SQLiteApprovalStore
    let deployer: FakeExecutor
    /// The time the adapter and the bot read; comments are dated by it unless a test says otherwise.
    let clock: TestClock
    /// Requests the fake had received when the server was up (identity pinning at start-up).
    let startupCalls: Int

    /// `extraEnvironment` replaces the token settings (e.g. to configure a GitHub App).
    static func start(extraEnvironment: [String: String]? = nil, store: SQLiteApprovalStore? = nil,
                      logger: Logger? = nil,
                      respond: @escaping FakePlatformAPI.Respond = GitHubTestServer.githubAnswers) async throws -> GitHubTestServer {
        let api = try await FakePlatformAPI.start(respond)
        var environment = ["CHATOPS_GITHUB_WEBHOOK_SECRET": secret, "CHATOPS_GITHUB_API_URL": api.baseURL]
        environment.merge(extraEnvironment ?? ["CHATOPS_GITHUB_TOKEN": "ghp_testtoken"]) { _, new in new }
        let configuration = try TestBot.configuration(identities: configuredLogins, environment: environment)
        let store = try store ?? SQLiteApprovalStore.inMemory()
        let deployer = FakeExecutor()
        let clock = TestClock(Date())
        let logger = logger ?? Self.quietLogger
        let policy = try await GitHubIdentityPinning.pinnedPolicy(
            try TestBot.policy(configuration),
            configuration: configuration, store: store, logger: logger, http: TestHTTP.pool, now: { clock.now })
        var registry = ExecutorRegistry(catalog: configuration.catalog)
        registry.register(deployer, for: [.deploy])
        let bot = ChatBot(classifier: RuleClassifier(rules: TestBot.rules, configuration: configuration), policy: policy,
                          catalog: configuration.catalog, store: store, registry: registry, isDryRun: false,
                          now: { clock.now })
        let work = InFlightWork()
        let adapter = try #require(try GitHubAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger, http: TestHTTP.pool,
                                                          now: { clock.now }))
        let server = ChatServer(bot: bot, adapters: [adapter], host: "127.0.0.1", port: 0, work: work,
                                readiness: { [] }, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = await server.start { continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return GitHubTestServer(api: api, running: running, port: port, store: store, deployer: deployer, clock: clock,
                                startupCalls: api.requests.count)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "github-test")
        logger.logLevel = .critical
        return logger
    }

    func stop() async {
        try? await running.stop()
        await api.stop()
    }

    static func signature(_ body: [UInt8], secret: String = secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// POSTs a webhook delivery as GitHub does; returns the status code and the body.
    @discardableResult
    func deliver(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                 signature: String?? = nil) async throws -> Int {
        try await deliverReading(body, event: event, delivery: delivery, signature: signature).status
    }

    func deliverReading(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                        signature: String?? = nil) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/github/webhook")
        request.method = .POST
        request.body = .bytes(ByteBuffer(bytes: body))
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-GitHub-Event", value: event)
        request.headers.add(name: "X-GitHub-Delivery", value: delivery)
        request.headers.add(name: "User-Agent", value: "GitHub-Hookshot/044aadd")
        switch signature {
        case .none: request.headers.add(name: "X-Hub-Signature-256", value: Self.signature(body))
        case .some(.some(let value)): request.headers.add(name: "X-Hub-Signature-256", value: value)
        case .some(.none): break
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: text))
    }

    /// The calls the bot made to GitHub after it started, in order.
    var calls: [RecordedRequest] { Array(api.requests.dropFirst(startupCalls)) }

    /// Waits until the bot made at least `count` calls after it started.
    func waitForCalls(_ count: Int) async throws -> [RecordedRequest] {
        Array(try await api.waitForRequests(startupCalls + count).dropFirst(startupCalls))
    }

    /// The comment bodies posted so far, in order.
    var postedComments: [String] {
        calls.filter { $0.method == "POST" && $0.path.hasSuffix("/comments") }.compactMap { $0.json?["body"] as? String }
    }
}

/// Counts calls across the fake's concurrent handlers.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)

    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
