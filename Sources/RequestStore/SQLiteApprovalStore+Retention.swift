import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Forgetting what is old: finished requests with everything about them, the deliveries seen,
/// and the audit entries before them. The audit log is cut at a checkpoint (the last pruned
/// entry's seq and hash), so the entries kept still verify as one unbroken chain.
extension SQLiteApprovalStore {
    public func prune(before cutoff: Date, at: Date) async throws -> PruneReport {
        try await write("prune what is older than \(cutoff)") { tx in
            let ms = cutoff.millisecondsSince1970
            let terminal = RequestState.allCases.filter(\.isTerminal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let old = "SELECT id FROM requests WHERE state IN (\(terminal)) AND updated_at < \(ms)"
            for table in ["approvals", "transitions", "prompt_messages", "execution_notes"] {
                try tx.db.execute(sql: "DELETE FROM \(table) WHERE request_id IN (\(old))")
            }
            try tx.db.execute(sql: "DELETE FROM notices WHERE request_id IN (\(old)) OR (delivered_at IS NOT NULL AND created_at < ?)",
                              arguments: [ms])
            try tx.db.execute(sql: "DELETE FROM requests WHERE id IN (\(old))")
            let requests = tx.db.changesCount
            try tx.db.execute(sql: "DELETE FROM deliveries WHERE received_at < ?", arguments: [ms])
            let deliveries = tx.db.changesCount
            try tx.db.execute(sql: "DELETE FROM analyses WHERE at < ?", arguments: [ms])
            // Applied notifications, and incidents resolved before the cutoff with their posts.
            try tx.db.execute(sql: "DELETE FROM alert_notifications WHERE applied_at IS NOT NULL AND received_at < ?", arguments: [ms])
            let resolved = "SELECT id FROM incidents WHERE state = 'resolved' AND resolved_at < \(ms)"
            try tx.db.execute(sql: "DELETE FROM incident_posts WHERE incident_id IN (\(resolved)) OR (done_at IS NOT NULL AND done_at < ?)",
                              arguments: [ms])
            try tx.db.execute(sql: "DELETE FROM incidents WHERE id IN (\(resolved))")
            let entries = try tx.pruneAudit(before: ms, at: at)
            return PruneReport(requests: requests, deliveries: deliveries, auditEntries: entries)
        }
    }
}

extension StoreTransaction {
    func auditCheckpoint() throws -> AuditCheckpoint? {
        try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_checkpoint WHERE id = 1").map {
            AuditCheckpoint(seq: try $0.decode(forColumn: "seq"), hash: try $0.decode(forColumn: "hash"))
        }
    }

    /// Removes the entries older than `cutoff` that no remaining transition or approval refers to,
    /// moving the checkpoint to the last one removed (the delete trigger spares only those).
    func pruneAudit(before cutoff: Int64, at: Date) throws -> Int {
        let oldest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM audit WHERE at < ?", arguments: [cutoff]) ?? 0
        let stillReferenced = try Int64.fetchOne(db, sql: """
            SELECT MIN(seq) FROM (SELECT MIN(audit_seq) AS seq FROM transitions UNION ALL SELECT MIN(audit_seq) FROM approvals)
            """)
        let last = min(oldest, (stillReferenced ?? Int64.max) - 1)
        guard last > (try auditCheckpoint()?.seq ?? 0),
              let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [last]) else { return 0 }
        try db.execute(sql: """
            INSERT INTO audit_checkpoint (id, seq, hash, pruned_at) VALUES (1, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, pruned_at = excluded.pruned_at
            """, arguments: [last, hash, at.millisecondsSince1970])
        try db.execute(sql: "DELETE FROM audit WHERE seq <= ?", arguments: [last])
        return db.changesCount
    }
}
