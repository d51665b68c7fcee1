import Approvals
import ChatOpsCore
import Foundation
import GRDB
@testable import RequestStore
import Testing

/// The audit log is append-only and hash-chained: tampering through raw SQL is refused while the
/// triggers stand, and detected by `verifyAudit` once an attacker drops them.
@Suite("Audit log")
struct AuditLogTests {
    /// create (1, 2) → approve (3, 4) → claim (5) → finish (6), in a file store.
    static func flow() async throws -> (SQLiteApprovalStore, DatabaseQueue, Any) {
        let (dir, path, store) = try Fixture.fileStore()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.t0)
        _ = try await store.approve(id: request.id, approver: "bob", origin: Fixture.slack, at: Fixture.at(1))
        _ = try await store.claimForExecution(id: request.id, owner: Fixture.owner, leaseUntil: Fixture.at(60), at: Fixture.at(2))
        _ = try await store.finish(id: request.id, succeeded: true, result: "ok", at: Fixture.at(3))
        return (store, try DatabaseQueue(path: path), dir)
    }

    static func dropTriggers(_ raw: DatabaseQueue) async throws {
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete")
        }
    }

    @Test func aFlowLeavesAnIntactChainOfItsEntries() async throws {
        let (store, _, dir) = try await Self.flow()
        let entries = try await store.auditEntries()

        #expect(entries.map(\.action) == ["request.created", "request.transition", "approval.recorded",
                                          "request.transition", "request.transition", "request.transition"])
        #expect(entries.map(\.seq) == [1, 2, 3, 4, 5, 6])
        #expect(entries.map(\.actor) == ["alice", "policy", "bob", "bob", "chatops", "chatops"])
        #expect(entries.first?.previousHash == String(repeating: "0", count: 64))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.hash == $1.previousHash })
        #expect(entries.allSatisfy { $0.requestID == 1 && $0.hash.count == 64 })
        #expect(entries[1].detail == #"{"from":"received","origin":{"channel":"C0123","message_id":"1750000000.000100","#
                + #""platform":"slack","thread":"1750000000.000100"},"reason":"needs 1 approval from prod-approvers","#
                + #""to":"awaiting_approval"}"#)
        #expect(entries[0].detail.contains(#""slots":{"app":"iris-classifier","env":"prod","version":"v2.3"}"#))
        #expect(try await store.verifyAudit() == .intact(entries: 6))
        withExtendedLifetime(dir) {}
    }

    @Test func sqlCannotUpdateOrDeleteEntriesWhileTheTriggersStand() async throws {
        let (store, raw, dir) = try await Self.flow()

        for sql in ["UPDATE audit SET detail = '{}' WHERE seq = 3", "DELETE FROM audit WHERE seq = 6"] {
            let error = await #expect(throws: DatabaseError.self, "\(sql)") {
                try await raw.write { db in try db.execute(sql: sql) }
            }
            #expect(error?.message == "the audit log is append-only")
        }
        #expect(try await store.verifyAudit() == .intact(entries: 6))
        withExtendedLifetime(dir) {}
    }

    @Test func anEditedEntryIsNamed() async throws {
        let (store, raw, dir) = try await Self.flow()
        try await Self.dropTriggers(raw)
        try await raw.write { db in try db.execute(sql: #"UPDATE audit SET detail = '{"approver":"mallory"}' WHERE seq = 3"#) }

        #expect(try await store.verifyAudit()
                == .broken(seq: 3, reason: "entry 3 was edited (its hash does not match its contents)"))
        withExtendedLifetime(dir) {}
    }

    /// An attacker who recomputes the edited entry's hash still breaks the link to the next one.
    @Test func anEditWithARecomputedHashBreaksTheNextLink() async throws {
        let (store, raw, dir) = try await Self.flow()
        try await Self.dropTriggers(raw)
        try await raw.write { db in try db.execute(sql: "UPDATE audit SET hash = ? WHERE seq = 4", arguments: [String(repeating: "a", count: 64)]) }

        #expect(try await store.verifyAudit()
                == .broken(seq: 4, reason: "entry 4 was edited (its hash does not match its contents)"))
        try await raw.write { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE seq = 4"))
            let forged = AuditChain.hash(previous: row["prev_hash"], seq: 4, at: row["at"], actor: "mallory",
                                         action: row["action"], requestID: row["request_id"], detail: row["detail"])
            try db.execute(sql: "UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 4", arguments: [forged])
        }
        #expect(try await store.verifyAudit()
                == .broken(seq: 5, reason: "entry 5 does not follow entry 4 (previous hash mismatch)"))
        withExtendedLifetime(dir) {}
    }

    @Test func aDeletedMiddleEntryIsNamed() async throws {
        let (store, raw, dir) = try await Self.flow()
        try await Self.dropTriggers(raw)
        try await raw.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq = 3") }

        #expect(try await store.verifyAudit() == .broken(seq: 3, reason: "entry 3 is missing (entry 4 follows entry 2)"))
        withExtendedLifetime(dir) {}
    }

    @Test func aDeletedLastEntryIsNamed() async throws {
        let (store, raw, dir) = try await Self.flow()
        try await Self.dropTriggers(raw)
        try await raw.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq = 6") }

        #expect(try await store.verifyAudit()
                == .broken(seq: 6, reason: "entry 6 is missing (request #1's move to succeeded refers to it)"))
        withExtendedLifetime(dir) {}
    }

    @Test func aDeletedFirstEntryIsNamed() async throws {
        let (store, raw, dir) = try await Self.flow()
        try await Self.dropTriggers(raw)
        try await raw.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq = 1") }

        #expect(try await store.verifyAudit() == .broken(seq: 1, reason: "entry 1 is missing (the log starts at entry 2)"))
        withExtendedLifetime(dir) {}
    }
}
