import Approvals
import ChatOpsCore
import ChatServer
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

    /// The three lines of one comment, each its own deploy.
    static let threeLines = ["deploy iris-classifier v2.3 to staging", "deploy iris-classifier v2.4 to staging",
                             "deploy iris-classifier v2.5 to staging"]

    /// What a process stored for a comment it answered 202, read from its store at `cutOff`: by
    /// default when its work first calls GitHub (the 👀 reaction: acknowledged, not yet run, as a
    /// crash there leaves it).
    static func storedWhileUnhandled(lines: [String] = [String(command.dropFirst())], installation: Int64? = 77_001,
                                     cutOff: @escaping @Sendable (RecordedRequest) -> Bool = { $0.path.hasSuffix("/reactions") })
        async throws -> (pending: [PendingDelivery], payload: [UInt8]) {
        let store = try SQLiteApprovalStore.inMemory()
        let seen = Mutex<[PendingDelivery]?>(nil)
        let server = try await GitHubTestServer.start(store: store) { request in
            if cutOff(request), seen.withLock({ $0 }) == nil {
                let pending = try? await store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60))
                seen.withLock { $0 = pending ?? [] }
            }
            return await GitHubTestServer.githubAnswers(request)
        }
        let payload = try server.payload(body: lines.map { "/" + $0 }.joined(separator: "\n"), login: "alice", installation: installation)
        let answer = try await server.deliverReading(payload)
        #expect(answer.status == 202)
        #expect(answer.text == "accepted \(lines.count) command(s)\n")
        try await waitUntil { seen.withLock { $0 } != nil }
        await server.stop()
        return (seen.withLock { $0 } ?? [], payload)
    }

    /// A new process on a store holding `pending`, each received `age` seconds earlier than it
    /// was, and the deliveries `ran` (handled to their end before the stop).
    static func restart(with pending: [PendingDelivery], age: TimeInterval, ran: [String] = []) async throws -> GitHubTestServer {
        let store = try await SQLiteApprovalStore.inMemory(holding: pending, receivedEarlierBy: age)
        for id in ran {
            _ = try await store.recordDelivery(platform: "github", id: id, at: Date().addingTimeInterval(-age), work: nil)
        }
        return try await GitHubTestServer.start(store: store)
    }

    /// A stop in the middle of a three-line comment: its first line ran, its second was claimed
    /// with its message (as the adapter stores a line before it runs) and cut off before it became
    /// a request, its third never reached. A line is pending only in that short window, with no
    /// call to GitHub inside it, so the second line's claim is written here as the adapter writes it.
    static func cutOffInTheSecondLine() async throws -> (pending: [PendingDelivery], comment: String) {
        let (stored, _) = try await storedWhileUnhandled(lines: threeLines)
        let comment = try #require(stored.first)
        #expect(stored.count == 1)
        let work = try #require(InboxWork(encoded: comment.work))
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(work.body)) as? [String: Any])
        let origin = MessageOrigin(platform: "github", channel: fields["repository"] as? String, thread: "\(fields["issue"] ?? "")",
                                   messageID: "\(fields["comment"] ?? "")")
        let second = comment.key.id + "#2"
        let line = IncomingMessage(platformUser: "github-id:\(fields["userID"] ?? "")", origin: origin, deliveryID: second,
                                   text: threeLines[1], isAddressedByPlatform: true)
        let lineWork = InboxWork(kind: BotHandoff.messageWork, body: Array(try JSONEncoder().encode(line))).encoded
        return ([comment, PendingDelivery(key: DeliveryKey(platform: "github", id: second), receivedAt: comment.receivedAt.addingTimeInterval(1),
                                          work: lineWork)], comment.key.id)
    }

    /// Waits until no delivery is pending, then a moment more for anything that would still be posted.
    static func settled(_ server: GitHubTestServer) async throws {
        try await waitUntil { (try? await server.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty) == true }
        try await Task.sleep(for: .milliseconds(300))
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
        try await Self.settled(server)
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

    @Test("a comment cut off in its second line resumes that line, then the third, each once; the first does not run again")
    func cutOffMidCommentResumes() async throws {
        let (pending, comment) = try await Self.cutOffInTheSecondLine()
        let server = try await Self.restart(with: pending, age: 30, ran: [comment + "#1"])
        try await waitUntil { server.deployer.executed.count == 2 }
        try await Self.settled(server)
        #expect(server.deployer.executed.map { $0.string("version") } == ["v2.4", "v2.5"])
        #expect(try await server.store.requests(states: nil, limit: 10).count == 2)
        #expect(!server.postedComments.contains { $0.contains("too old") })
        await server.stop()
    }

    @Test("a comment cut off in its second line and too old to resume is reported once, naming the lines it did not run")
    func cutOffMidCommentTooOld() async throws {
        let (pending, comment) = try await Self.cutOffInTheSecondLine()
        let server = try await Self.restart(with: pending, age: 20 * 60, ran: [comment + "#1"])
        try await waitUntil { server.postedComments.contains { $0.contains("too old") } }
        try await Self.settled(server)
        #expect(server.postedComments.count == 1)
        let notice = try #require(server.postedComments.first)
        #expect(notice.contains("The rest of your comment, the commands `\(Self.threeLines[1]); \(Self.threeLines[2])`, was received 20 minutes ago"))
        #expect(server.deployer.executed.isEmpty)
        // The third line, never reached, is now marked: a later start cannot run it either.
        #expect(try await server.store.recordDelivery(platform: "github", id: comment + "#3", at: Date(), work: nil) != .new)
        await server.stop()
    }

    @Test("a too-old comment whose lines all ran (only its own end was lost) is completed without a notice")
    func tooOldButAllRan() async throws {
        let (pending, _) = try await Self.storedWhileUnhandled()
        let comment = try #require(pending.first).key.id
        let server = try await Self.restart(with: pending, age: 20 * 60, ran: [comment + "#1"])
        try await Self.settled(server)
        #expect(server.postedComments.isEmpty)
        #expect(server.deployer.executed.isEmpty)
        await server.stop()
    }
}
