import Approvals
import Foundation
import ChatOpsTestSupport
@testable import RequestStore
import GRDB
import Synchronization
import Testing

/// The store's writes take turns: a delivery claim (a platform waiting on the answer) goes ahead
/// of writes already queued for work that was acknowledged.
@Suite("Write turns")
struct WriteTurnsTests {
    @Test func aJobSubmittedWhileNobodyWritesRunsAtOnce() {
        let turns = WriteTurns()
        let ran = Log()
        turns.submit(.normal) { ran.append("ran") }
        #expect(ran.items == ["ran"])
        turns.finish()
        #expect(turns.waiting == (0, 0))
    }

    @Test func urgentJobsGoFirstAndEachPriorityIsFirstComeFirstServed() {
        let turns = WriteTurns()
        let order = Log()
        turns.submit(.normal) { order.append("running") }
        for name in ["n1", "n2"] { turns.submit(.normal) { order.append(name) } }
        for name in ["u1", "u2"] { turns.submit(.urgent) { order.append(name) } }
        turns.submit(.normal) { order.append("n3") }
        #expect(turns.waiting == (2, 3))
        for _ in 0..<6 { turns.finish() }
        #expect(order.items == ["running", "u1", "u2", "n1", "n2", "n3"])
        #expect(turns.waiting == (0, 0))
    }

    /// Through the real store: while one write holds the file, three ordinary writes and then a
    /// delivery claim queue up; the claim commits before all three (each sees it in the file).
    @Test func aDeliveryClaimOvertakesQueuedWrites() async throws {
        let (folder, _, store) = try Fixture.fileStore()
        defer { _ = folder }
        let order = Log()
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        let holder = Task {
            try await store.write("hold the writer") { _ in
                holding.signal()
                released.wait()
            }
        }
        holding.wait()
        var queued: [Task<Void, any Error>] = []
        for index in 1...3 {
            queued.append(Task {
                try await store.write("ordinary write \(index)") { tx in
                    let claims = try Int.fetchOne(tx.db, sql: "SELECT count(*) FROM deliveries") ?? -1
                    order.append("write \(index) saw \(claims) claim(s)")
                }
            })
            while store.writeTurns.waiting.normal < index { await Task.yield() }
        }
        let claim = Task { try await store.recordDelivery(platform: "slack", id: "T1", at: Fixture.t0) }
        while store.writeTurns.waiting.urgent < 1 { await Task.yield() }
        released.signal()
        try await holder.value
        #expect(try await claim.value == .new)
        for task in queued { try await task.value }
        #expect(order.items == ["write 1 saw 1 claim(s)", "write 2 saw 1 claim(s)", "write 3 saw 1 claim(s)"])
    }
}

/// What the jobs did, in order.
private final class Log: Sendable {
    private let entries = Mutex<[String]>([])
    func append(_ entry: String) { entries.withLock { $0.append(entry) } }
    var items: [String] { entries.withLock { $0 } }
}
