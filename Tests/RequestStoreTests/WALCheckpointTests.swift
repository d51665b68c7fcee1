import ChatOpsTestSupport
import Foundation
import GRDB
@testable import RequestStore
import Testing

/// The store's commits leave checkpoints (whose fdatasync stalled every write queued behind
/// them) to a checkpointer on its own connection, which copies the log into the database file
/// soon after, so the file keeps up and the log stays as large as one interval's writes. A
/// commit checkpoints only a log that has grown to `commitCheckpointFrames` (writes that never
/// pause).
@Suite("Write-ahead log checkpoints")
struct WALCheckpointTests {
    @Test func theStoresConnectionsCheckpointOnlyALogThatRanAway() async throws {
        let (dir, _, store) = try Fixture.fileStore()
        let writerSetting = try await store.writer.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        let readerSetting = try await store.writer.read { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        #expect(writerSetting == WALCheckpointer.commitCheckpointFrames)
        #expect(readerSetting == WALCheckpointer.commitCheckpointFrames)
        #expect(WALCheckpointer.commitCheckpointFrames > 1_000)
        #expect(store.checkpointer != nil)
        _ = dir
    }

    @Test func commitsReachTheDatabaseFileWhileTheStoreStaysOpen() async throws {
        let (dir, path, store) = try Fixture.fileStore()
        let checkpointer = try #require(store.checkpointer)
        try await waitUntilIdle(checkpointer)  // the schema's own writes
        let before = try fileSize(path)

        try await writeDeliveries(store, round: 0, count: 40)
        try await waitUntilIdle(checkpointer)

        // Only a checkpoint writes the database file in WAL mode: its growth is the proof.
        #expect(try fileSize(path) > before)
        #expect(checkpointer.statistics.framesLeft == 0)
        #expect(checkpointer.statistics.failures == 0)
        #expect(try await store.recordDelivery(platform: "slack", id: "r0-0", at: Fixture.t0) != .new)
        _ = dir
    }

    @Test func theLogStaysAsLargeAsOneRoundOfWrites() async throws {
        let (dir, path, store) = try Fixture.fileStore()
        let checkpointer = try #require(store.checkpointer)
        // The same writes to a store without a checkpointer (its log stays below the commits'
        // own threshold): its log holds every round.
        let uncheckedPath = dir.path + "/unchecked.db"
        let unchecked = try SQLiteApprovalStore(
            writer: DatabasePool(path: uncheckedPath, configuration: SQLiteApprovalStore.fileConfiguration()),
            location: uncheckedPath)
        let rounds = 4
        for round in 1...rounds {
            try await writeDeliveries(store, round: round, count: 25)
            try await writeDeliveries(unchecked, round: round, count: 25)
            try await waitUntilIdle(checkpointer)
        }
        let log = try fileSize(path + "-wal"), uncheckedLog = try fileSize(uncheckedPath + "-wal")
        // After a complete checkpoint the next write starts the log from its beginning.
        #expect(log > 0)
        #expect(log * (rounds - 1) <= uncheckedLog, "log \(log) bytes; without checkpoints \(uncheckedLog)")
        _ = dir
    }

    @Test func aStoreInMemoryHasNoCheckpointer() throws {
        #expect(try SQLiteApprovalStore.inMemory().checkpointer == nil)
    }

    private func writeDeliveries(_ store: SQLiteApprovalStore, round: Int, count: Int) async throws {
        let reply = String(repeating: "Request is waiting for approval. ", count: 100)
        for i in 0..<count {
            let id = "r\(round)-\(i)"
            #expect(try await store.recordDelivery(platform: "slack", id: id, at: Fixture.t0) == .new)
            try await store.completeDelivery(platform: "slack", id: id, reply: reply)
        }
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Until every commit so far has been checkpointed.
    private func waitUntilIdle(_ checkpointer: WALCheckpointer) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while !checkpointer.isIdle || checkpointer.statistics.checkpoints == 0 {
            guard ContinuousClock.now < deadline else { Issue.record("timed out waiting"); return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
