import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// The periodic sweeps: executions whose owner is gone, and approvals that never came. Each
/// change writes a notice to the request's thread in the same transaction.
extension SQLiteApprovalStore {
    public func recoverInterrupted(host: String, isAlive: @escaping @Sendable (Int32) -> Bool, at: Date) async throws -> [StoredRequest] {
        try await write("recover interrupted executions") { tx in
            let reason = "the bot stopped while this was executing; it was not re-run — check the target system before retrying"
            let now = at.millisecondsSince1970
            var interrupted: [StoredRequest] = []
            for lease in try tx.executionLeases() {
                let ownerIsGone = lease.host == host && !(lease.pid.map(isAlive) ?? false)
                let leaseRanOut = (lease.leaseUntil ?? 0) < now
                guard ownerIsGone || leaseRanOut, let request = try tx.loadRequest(lease.id) else { continue }
                let moved = try tx.move(request, on: .interrupted, actor: "chatops", origin: nil, reason: reason, at: at).get()
                try tx.insertNotice(for: moved, text: "Request #\(moved.id) (\(moved.summary)) was interrupted: the bot stopped "
                                    + "while it was running, and it was not re-run. Check the target system before asking again.",
                                    at: at)
                interrupted.append(moved)
            }
            return interrupted
        }
    }

    /// Only `awaiting_approval` requests expire here. An `approved` one is claimed by whoever
    /// completed the quorum right away; expiring it could race with that claim.
    public func expireDue(at: Date) async throws -> [StoredRequest] {
        try await write("expire requests past their approval time") { tx in
            let due = try tx.requests(where: "state = ? AND expires_at <= ?",
                                      arguments: [RequestState.awaitingApproval.rawValue, at.millisecondsSince1970])
            return try due.map { request in
                let expired = try tx.move(request, on: .expired, actor: "chatops", origin: nil,
                                          reason: "no approval within the time limit", at: at).get()
                try tx.insertNotice(for: expired, text: "Request #\(expired.id) (\(expired.summary)) expired: it was not "
                                    + "approved in time. Ask again if it is still needed.", at: at)
                return expired
            }
        }
    }
}

/// Who runs an `executing` request, and until when their lease holds.
struct ExecutionLease {
    let id: Int64
    let host: String?
    let pid: Int32?
    let leaseUntil: Int64?
}

extension StoreTransaction {
    func executionLeases() throws -> [ExecutionLease] {
        try Row.fetchAll(db, sql: "SELECT id, owner_host, owner_pid, lease_until FROM requests WHERE state = ? ORDER BY id",
                         arguments: [RequestState.executing.rawValue]).map { row in
            ExecutionLease(id: try row.decode(forColumn: "id"), host: try row.decode(forColumn: "owner_host"),
                           pid: try row.decode(forColumn: "owner_pid"), leaseUntil: try row.decode(forColumn: "lease_until"))
        }
    }
}
