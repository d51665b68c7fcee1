import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Appending to and reading the audit log. Appends happen in the transaction of the change they
/// record, so the log and the tables never disagree after a crash.
extension StoreTransaction {
    /// Appends one entry after the current last one and returns its seq.
    @discardableResult
    func appendAudit(at: Date, actor: String, action: String, requestID: Int64?,
                     detail: [String: AuditDetail.Value]) throws -> Int64 {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        let seq = (try last?.decode(Int64.self, forColumn: "seq") ?? 0) + 1
        let previous = try last?.decode(String.self, forColumn: "hash") ?? AuditChain.genesis
        let ms = at.millisecondsSince1970
        let json = AuditDetail.json(detail)
        let hash = AuditChain.hash(previous: previous, seq: seq, at: ms, actor: actor, action: action,
                                   requestID: requestID, detail: json)
        try insert(into: "audit", [("seq", seq), ("at", ms), ("actor", actor), ("action", action), ("request_id", requestID),
                                   ("detail", json), ("prev_hash", previous), ("hash", hash)])
        if let auditHead { db.afterNextTransaction { _ in auditHead.tell(seq: seq, hash: hash) } }
        return seq
    }

    func auditRows() throws -> [AuditRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq").map { row in
            AuditRow(seq: try row.decode(forColumn: "seq"), at: try row.decode(forColumn: "at"),
                     actor: try row.decode(forColumn: "actor"), action: try row.decode(forColumn: "action"),
                     requestID: try row.decode(forColumn: "request_id"), detail: try row.decode(forColumn: "detail"),
                     previousHash: try row.decode(forColumn: "prev_hash"), hash: try row.decode(forColumn: "hash"))
        }
    }

    /// The chain cannot notice its own last entry being removed; the tables can: every transition
    /// and approval keeps the seq of the entry that recorded it, which must still be there.
    func firstUnrecordedChange() throws -> AuditVerification? {
        let row = try Row.fetchOne(db, sql: """
            SELECT t.audit_seq AS seq, 'request #' || t.request_id || '''s move to ' || t.to_state AS what
            FROM transitions t
            LEFT JOIN audit a ON a.seq = t.audit_seq AND a.request_id IS t.request_id
                AND a.action IN ('request.created', 'request.transition')
            WHERE a.seq IS NULL
            UNION ALL
            SELECT p.audit_seq, 'the approval of request #' || p.request_id || ' by ' || p.approver
            FROM approvals p
            LEFT JOIN audit a ON a.seq = p.audit_seq AND a.request_id IS p.request_id
                AND a.action = 'approval.recorded'
            WHERE a.seq IS NULL
            ORDER BY seq
            LIMIT 1
            """)
        guard let row else { return nil }
        let seq: Int64 = try row.decode(forColumn: "seq")
        let what: String = try row.decode(forColumn: "what")
        return .broken(seq: seq, reason: "entry \(seq) is missing (\(what) refers to it)")
    }
}
