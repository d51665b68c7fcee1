import Approvals
import ChatOpsCore
/// Reading and checking the audit log.
extension SQLiteApprovalStore {
    public func auditEntries() async throws -> [AuditEntry] {
        try await read("read the audit log") { tx in try tx.auditRows().map(\.entry) }
    }

    /// Recomputes the chain in seq order, then checks that every recorded transition and approval
    /// still has its entry (which catches removal of the last entries, invisible to the chain).
    public func verifyAudit() async throws -> AuditVerification {
        try await read("verify the audit log") { tx in
            let rows = try tx.auditRows()
            if let broken = AuditChain.firstBreak(in: rows, after: try tx.auditCheckpoint()) { return broken }
            if let broken = try tx.firstUnrecordedChange() { return broken }
            return .intact(entries: rows.count)
        }
    }
}
