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
/// pointed at an in-process fake that answers as api.github.com does.
struct GitHubTestServer {
    static let secret = "It's a Secret to Everybody"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let api: FakePlatformAPI
    let running: RunningChatServer
    let port: Int
    let store: SQLiteApprovalStore
    let deployer: FakeExecutor

    /// `extraEnvironment` replaces the token settings (e.g. to configure a GitHub App).
    static func start(extraEnvironment: [String: String]? = nil,
                      respond: @escaping FakePlatformAPI.Respond = GitHubTestServer.githubAnswers) async throws -> GitHubTestServer {
        let api = try await FakePlatformAPI.start(respond)
        var environment = ["CHATOPS_GITHUB_WEBHOOK_SECRET": secret, "CHATOPS_GITHUB_API_URL": api.baseURL]
        environment.merge(extraEnvironment ?? ["CHATOPS_GITHUB_TOKEN": "ghp_testtoken"]) { _, new in new }
        let configuration = try TestBot.configuration(identities: ["alice": "github:alice", "bob": "github:bob"],
                                                      environment: environment)
        let store = try SQLiteApprovalStore.inMemory()
        let deployer = FakeExecutor()
        let bot = try TestBot.make(configuration: configuration, executors: [(deployer, [.deploy])], store: store)
        let work = InFlightWork()
        var logger = Logger(label: "github-test")
        logger.logLevel = .critical
        let adapter = try #require(try GitHubAdapter.make(configuration: configuration, bot: bot, work: work, logger: logger))
        let server = ChatServer(bot: bot, adapters: [adapter], host: "127.0.0.1", port: 0, work: work,
                                readiness: { [] }, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = await server.start { continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return GitHubTestServer(api: api, running: running, port: port, store: store, deployer: deployer)
    }

    func stop() async {
        try? await running.stop()
        await api.stop()
    }

    /// What api.github.com answers: 201 with the new comment or reaction, 200 for an edit.
    static let githubAnswers: FakePlatformAPI.Respond = { request in
        let commentID = 9_000 + Int(request.body.count % 997)
        switch (request.method, request.path) {
        case ("POST", let path) where path.hasSuffix("/reactions"):
            return .json(#"{"id":1,"node_id":"MDg6UmVhY3Rpb24x","content":"eyes","created_at":"2026-11-21T10:00:00Z"}"#, status: 201)
        case ("POST", let path) where path.hasSuffix("/comments"):
            return .json(#"{"id":\#(commentID),"node_id":"IC_x","body":"…","user":{"login":"chatops[bot]","type":"Bot"}}"#, status: 201)
        case ("PATCH", _):
            return .json(#"{"id":1,"body":"…"}"#)
        default:
            return .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"#, status: 404)
        }
    }

    /// The captured `issue_comment` payload with this comment's author, body and action.
    static func payload(body: String, login: String, action: String = "created", association: String = "MEMBER",
                        userType: String = "User", installation: Int64? = nil) throws -> [UInt8] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("issue_comment.created.on-issue.with-organization.octokit.json"))
        var event = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var comment = try #require(event["comment"] as? [String: Any])
        var user = try #require(comment["user"] as? [String: Any])
        user["login"] = login
        user["type"] = userType
        comment["user"] = user
        comment["body"] = body
        comment["author_association"] = association
        event["comment"] = comment
        event["action"] = action
        if let installation { event["installation"] = ["id": installation, "node_id": "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="] }
        return Array(try JSONSerialization.data(withJSONObject: event))
    }

    static func signature(_ body: [UInt8], secret: String = secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// POSTs a webhook delivery as GitHub does; returns the status code.
    func deliver(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                 signature: String?? = nil) async throws -> Int {
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
        return Int(response.status.code)
    }

    /// The comment bodies posted so far, in order.
    var postedComments: [String] {
        api.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/comments") }.compactMap { $0.json?["body"] as? String }
    }
}

/// Counts calls across the fake's concurrent handlers.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)

    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
