import ChatOpsTestSupport
import Foundation
import Logging
import PlatformHTTP
import RequestStore

/// The platform harness serving GitHub only, its API an in-process fake that answers as
/// api.github.com does. Started as `chatops serve` starts: the policy's GitHub logins are pinned
/// to user ids first (those calls are not in `calls`).
struct GitHubTestServer {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The people the configuration names by GitHub login (`alice: [console:alice, github:alice]`).
    static let configuredLogins = ["alice": "github:alice", "bob": "github:bob"]

    let harness: PlatformHarness
    /// The time the adapter and the bot read; comments are dated by it unless a test says otherwise.
    let clock: TestClock

    var api: FakePlatformAPI { harness.githubAPI }
    var store: SQLiteApprovalStore { harness.store }
    var deployer: FakeExecutor { harness.executor }

    /// `extraEnvironment` replaces the token settings (e.g. to configure a GitHub App).
    static func start(extraEnvironment: [String: String]? = nil, store: SQLiteApprovalStore? = nil,
                      logger: Logger? = nil,
                      respond: @escaping FakePlatformAPI.Respond = GitHubTestServer.githubAnswers) async throws -> GitHubTestServer {
        let clock = TestClock(Date())
        let harness = try await PlatformHarness.start(.init(
            platforms: [.github], identities: configuredLogins,
            githubCredentials: extraEnvironment ?? ["CHATOPS_GITHUB_TOKEN": PlatformHarness.githubToken],
            store: store, clock: clock, logger: logger, githubAPI: respond))
        return GitHubTestServer(harness: harness, clock: clock)
    }

    func stop() async {
        await harness.stop()
    }

    static func signature(_ body: [UInt8], secret: String = GitHubSigning.secret) -> String {
        GitHubSigning.signature(body, secret: secret)
    }

    /// POSTs a webhook delivery as GitHub does; returns the status code.
    @discardableResult
    func deliver(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                 signature: String?? = nil) async throws -> Int {
        try await deliverReading(body, event: event, delivery: delivery, signature: signature).status
    }

    /// POSTs a webhook delivery as GitHub does; returns the status code and the body.
    func deliverReading(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                        signature: String?? = nil) async throws -> (status: Int, text: String) {
        let response = try await harness.deliverGitHub(body, event: event, delivery: delivery, signature: signature)
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    /// The calls the bot made to GitHub after it started, in order.
    var calls: [RecordedRequest] { harness.githubCalls }

    /// Waits until the bot made at least `count` calls after it started.
    func waitForCalls(_ count: Int) async throws -> [RecordedRequest] {
        try await harness.waitForGitHubCalls(count)
    }

    /// The comment bodies posted so far, in order.
    var postedComments: [String] { harness.githubComments }
}

/// Counts calls across the fake's concurrent handlers.
typealias AttemptCounter = Counter
