import ChatOpsTestSupport
import Execution
import Foundation
import Testing

/// `X-GitHub-Delivery` is not signed: a captured delivery can be sent again under any id. What is
/// signed is the comment (its id and `created_at`), so that is what stops a replay.
@Suite("Replayed GitHub comments", .serialized)
struct GitHubReplayTests {
    @Test("one signed comment replayed under three delivery ids runs each of its commands once")
    func replayUnderNewDeliveryIDs() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let comment = try server.payload(body: "/deploy iris-classifier v2.3 to staging\n/deploy iris-classifier v2.4 to dev",
                                         login: "alice")
        #expect(try await server.deliver(comment, delivery: "72d3162e-cc78-11e3-81ab-4c9367dc0958") == 202)
        try await waitUntil { server.deployer.executed.count == 2 }
        // Both results posted: everything the first delivery causes has been said.
        try await waitUntil { server.postedComments.filter { $0.contains("succeeded") }.count == 2 }
        let answered = server.postedComments.count
        for delivery in ["2f1a8c3e-0000-11f0-8000-000000000001", "2f1a8c3e-0000-11f0-8000-000000000002"] {
            #expect(try await server.deliver(comment, delivery: delivery) == 202)
        }
        try await Task.sleep(for: .milliseconds(400))
        #expect(server.deployer.executed.map { $0.string("version") } == ["v2.3", "v2.4"])
        #expect(try await server.store.requests(states: nil, limit: 10).count == 2)
        #expect(server.postedComments.count == answered)
    }

    @Test("a comment older than platforms.github.max_comment_age is refused: 202, nothing run, logged")
    func oldCommentRefused() async throws {
        let log = CapturedLog()
        let server = try await GitHubTestServer.start(logger: log.logger)
        defer { Task { await server.stop() } }
        let comment = try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                         createdAt: server.clock.now.addingTimeInterval(-301))
        let answer = try await server.deliverReading(comment)
        #expect(answer.status == 202)
        #expect(answer.text.hasPrefix("ignored: the comment was written at "))
        #expect(answer.text.contains("more than 5m ago"))
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.calls.isEmpty)
        #expect(server.deployer.executed.isEmpty)
        #expect(try await server.store.requests(states: nil, limit: 10).isEmpty)
        #expect(log.lines.contains { $0.contains("refused a GitHub comment that is not fresh") && $0.contains("user=alice (1001)") })
    }

    @Test("a comment run once and replayed after the window is refused, not run again")
    func replayAfterTheWindow() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let comment = try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice")
        _ = try await server.deliver(comment)
        try await waitUntil { server.deployer.executed.count == 1 }
        server.clock.advance(6 * 60)
        let answer = try await server.deliverReading(comment)
        #expect(answer.status == 202)
        #expect(answer.text.hasPrefix("ignored: "))
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.deployer.executed.count == 1)
    }

    @Test("a comment dated more than a minute ahead is refused; 30 seconds of clock drift is not")
    func futureComment() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let ahead = try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                       createdAt: server.clock.now.addingTimeInterval(120))
        let refused = try await server.deliverReading(ahead)
        #expect(refused.text.hasPrefix("ignored: the comment's created_at"))
        #expect(refused.text.contains("is in the future"))
        let drifted = try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                         createdAt: server.clock.now.addingTimeInterval(30))
        #expect(try await server.deliverReading(drifted).text == "accepted 1 command(s)\n")
        try await waitUntil { server.deployer.executed.count == 1 }
    }

    @Test("CHATOPS_GITHUB_MAX_COMMENT_AGE widens the window")
    func configuredAge() async throws {
        let server = try await GitHubTestServer.start(
            extraEnvironment: ["CHATOPS_GITHUB_TOKEN": "ghp_testtoken", "CHATOPS_GITHUB_MAX_COMMENT_AGE": "1h"])
        defer { Task { await server.stop() } }
        let comment = try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                         createdAt: server.clock.now.addingTimeInterval(-600))
        #expect(try await server.deliverReading(comment).text == "accepted 1 command(s)\n")
        try await waitUntil { server.deployer.executed.count == 1 }
    }
}

/// Polls `condition` (the bot works after its 202) for up to five seconds.
func waitUntil(_ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(15)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("the condition did not hold within fifteen seconds")
}
