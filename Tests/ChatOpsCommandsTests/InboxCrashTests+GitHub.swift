import ChatOpsTestSupport
import Foundation
import GRDB
import PlatformHTTP
import Testing

/// `chatops serve` answers a GitHub comment 202 once the comment is stored, starts on its command
/// line (stored with its own claim), and is killed dead (SIGKILL) before handling it. Started
/// again on the same store, it runs the line exactly once: the comment's resume finds the line
/// already claimed, and the line's own resume handles it.
extension InboxCrashTests {
    func served(_ github: FakePlatformAPI, crashpoint: String?) async throws -> Served {
        try await Served(cli, config: config, slackAPI: github.baseURL, crashpoint: crashpoint, environment: [
            "CHATOPS_GITHUB_WEBHOOK_SECRET": GitHubSigning.secret, "CHATOPS_GITHUB_TOKEN": PlatformHarness.githubToken,
            "CHATOPS_GITHUB_API_URL": github.baseURL,
        ])
    }

    /// An `issue_comment` delivery with the fields chatops reads, signed as GitHub signs it.
    func comment(_ body: String, id: Int64, to port: Int) async throws -> (Int, String) {
        let event: [String: Any] = [
            "action": "created", "issue": ["number": 7], "repository": ["full_name": "acme/iris"],
            "comment": ["id": id, "body": body, "author_association": "MEMBER",
                        "created_at": ISO8601DateFormatter().string(from: Date()),
                        "user": ["id": 1_001, "login": "alice", "type": "User"]],
        ]
        let payload = try JSONSerialization.data(withJSONObject: event)
        return try await URLFetch.post("http://127.0.0.1:\(port)/github/webhook", body: String(decoding: payload, as: UTF8.self), headers: [
            ("Content-Type", "application/json"), ("X-GitHub-Event", "issue_comment"), ("X-GitHub-Delivery", UUID().uuidString),
            ("X-Hub-Signature-256", GitHubSigning.signature(Array(payload))),
        ])
    }

    @Test func killedBeforeHandlingTheLineRunsItOnceAtTheNextStart() async throws {
        let github = try await FakePlatformAPI.start(PlatformFakeAnswers.github(users: ["alice": 1_001]))
        let first = try await served(github, crashpoint: "before-handling")
        let answer = try await comment("/deploy iris v2.3 prod", id: 900_001, to: first.port)
        #expect(answer.0 == 202, "\(answer)")
        try await first.wait(for: "crashpoint before-handling reached")
        first.killDead()
        #expect(try storeCount("SELECT count(*) FROM requests") == 0)
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") == 2)  // the comment and its line
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE CAST(work AS TEXT) LIKE '%\(PlatformHarness.githubToken)%'") == 0)

        let second = try await served(github, crashpoint: nil)
        defer { second.killDead() }
        for _ in 0..<500 where try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") != 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try storeCount("SELECT count(*) FROM deliveries WHERE work IS NOT NULL") == 0)
        #expect(try storeCount("SELECT count(*) FROM requests WHERE state = 'awaiting_approval' AND requester = 'alice'") == 1)
        #expect(try storeCount("SELECT count(*) FROM requests") == 1)
        #expect(github.requests.contains { $0.method == "POST" && $0.path.hasSuffix("/issues/7/comments") && $0.bodyText.contains("Request #1") })
        // GitHub's redelivery of the comment is known.
        let redelivered = try await comment("/deploy iris v2.3 prod", id: 900_001, to: second.port)
        #expect(redelivered.1.contains("already received"))
        await github.stop()
    }
}
