import Approvals
import ChatOpsTestSupport
import Foundation
import PlatformHTTP
import RequestStore
import Synchronization
import Testing

/// GitHub does not deliver again what it got a 2xx for, so a comment is stored with its command
/// lines before the 202: a process that stops before running them loses nothing. The next start
/// runs them, or, when they are too old to act on unasked, says so in the issue and runs nothing.
@Suite("GitHub: acknowledged comments survive a stop", .serialized)
struct GitHubInboxTests {
    static let command = "/deploy iris-classifier v2.3 to staging"

    /// What a process stored for a comment it answered 202, read from its store when its work
    /// first calls GitHub (the 👀 reaction: acknowledged, not yet run, as a crash there leaves it).
    static func storedWhileUnhandled(installation: Int64? = 77_001) async throws -> (pending: [PendingDelivery], payload: [UInt8]) {
        let store = try SQLiteApprovalStore.inMemory()
        let seen = Mutex<[PendingDelivery]?>(nil)
        let server = try await GitHubTestServer.start(store: store) { request in
            if request.path.hasSuffix("/reactions"), seen.withLock({ $0 }) == nil {
                let pending = try? await store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60))
                seen.withLock { $0 = pending ?? [] }
            }
            return await GitHubTestServer.githubAnswers(request)
        }
        let payload = try server.payload(body: command, login: "alice", installation: installation)
        let answer = try await server.deliverReading(payload)
        #expect(answer.status == 202)
        #expect(answer.text == "accepted 1 command(s)\n")
        try await waitUntil { seen.withLock { $0 } != nil }
        await server.stop()
        return (seen.withLock { $0 } ?? [], payload)
    }

    /// A new process on a store holding `pending`, each received `age` seconds earlier than it was.
    static func restart(with pending: [PendingDelivery], age: TimeInterval) async throws -> GitHubTestServer {
        let store = try await SQLiteApprovalStore.inMemory(holding: pending, receivedEarlierBy: age)
        return try await GitHubTestServer.start(store: store)
    }

    @Test("a comment answered 202 before a stop runs its command at the next start, once")
    func resumedAtTheNextStart() async throws {
        let (pending, payload) = try await Self.storedWhileUnhandled()
        let stored = try #require(pending.first)
        #expect(pending.count == 1)
        #expect(stored.key.platform == "github" && stored.key.id.hasPrefix("comment-"))
        let work = String(decoding: stored.work, as: UTF8.self)
        #expect(work.contains("\"installation\":77001") && work.contains("deploy iris-classifier v2.3 to staging"))
        #expect(!work.contains(PlatformHarness.githubToken))

        let server = try await Self.restart(with: pending, age: 30)
        try await waitUntil { server.postedComments.contains { $0.contains("succeeded") } }
        try await waitUntil { (try? await server.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty) == true }
        #expect(server.deployer.executed.map { $0.string("version") } == ["v2.3"])
        #expect(server.postedComments.allSatisfy { $0.hasPrefix("> \(Self.command)") })
        // The same comment delivered again (GitHub's redelivery, or a replay) runs nothing more.
        let again = try await server.deliverReading(payload)
        #expect(again.status == 202)
        #expect(again.text == "ignored: this comment was already received\n")
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.deployer.executed.count == 1)
        #expect(try await server.store.requests(states: nil, limit: 10).count == 1)
        await server.stop()
    }

    @Test("a comment too old to resume is reported in its issue, and nothing runs")
    func tooOldIsReported() async throws {
        let (pending, _) = try await Self.storedWhileUnhandled()
        #expect(pending.count == 1)
        let server = try await Self.restart(with: pending, age: 20 * 60)
        try await waitUntil { server.postedComments.contains { $0.contains("too old") } }
        try await waitUntil { (try? await server.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty) == true }
        let notice = try #require(server.postedComments.first)
        #expect(notice.contains("Your comment with the command `deploy iris-classifier v2.3 to staging` was received 20 minutes ago"))
        #expect(notice.contains("Nothing was done"))
        #expect(server.postedComments.count == 1)
        #expect(server.deployer.executed.isEmpty)
        #expect(try await server.store.requests(states: nil, limit: 10).isEmpty)
        await server.stop()
    }

    @Test("a comment delivered twice at once is claimed once: the second hears it was already received")
    func claimedOnce() async throws {
        let server = try await GitHubTestServer.start()
        let payload = try server.payload(body: Self.command, login: "alice")
        async let first = server.deliverReading(payload, delivery: "d-1")
        async let second = server.deliverReading(payload, delivery: "d-2")
        let answers = try await [first, second].map(\.text).sorted()
        #expect(answers == ["accepted 1 command(s)\n", "ignored: this comment was already received\n"])
        try await waitUntil { server.deployer.executed.count == 1 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.deployer.executed.count == 1)
        await server.stop()
    }
}
