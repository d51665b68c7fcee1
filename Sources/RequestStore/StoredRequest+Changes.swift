import Approvals
import ChatOpsCore
import Foundation

/// What a move sets on the request's row besides its state and `updated_at`: only these columns,
/// so the request a write returns can be built from the one it loaded instead of read back.
struct RequestRowChanges {
    /// A new deadline (the approval's start-by time); nil leaves it as it was.
    var expiresAt: Date?
    var result: String?
    var owner: ExecutionOwner?
    var leaseUntil: Date?

    var columns: SQLColumns {
        var columns: SQLColumns = []
        if let expiresAt { columns.append(("expires_at", expiresAt.millisecondsSince1970)) }
        if let result { columns.append(("result", result)) }
        if let owner { columns += [("owner_host", owner.host), ("owner_pid", owner.pid)] }
        if let leaseUntil { columns.append(("lease_until", leaseUntil.millisecondsSince1970)) }
        return columns
    }
}

/// The request as the store holds it after a write, built in memory: times at the store's
/// millisecond precision, so it equals what loading the row again returns (a test checks each write).
extension StoredRequest {
    func moved(by transition: TransitionRecord, changes: RequestRowChanges) -> StoredRequest {
        replacing(state: transition.to, updatedAt: transition.at,
                  expiresAt: changes.expiresAt.map(Date.atStorePrecision) ?? expiresAt,
                  result: changes.result ?? result, transitions: transitions + [transition])
    }

    func adding(_ approval: ApprovalRecord) -> StoredRequest {
        replacing(approvals: approvals + [approval])
    }

    private func replacing(state: RequestState? = nil, updatedAt: Date? = nil, expiresAt: Date? = nil, result: String? = nil,
                           approvals: [ApprovalRecord]? = nil, transitions: [TransitionRecord]? = nil) -> StoredRequest {
        StoredRequest(id: id, intent: intent, slots: slots, env: env, requester: requester, origin: origin, text: text,
                      state: state ?? self.state, approvers: approvers, quorum: quorum, expiresAt: expiresAt ?? self.expiresAt,
                      approvalTTL: approvalTTL, createdAt: createdAt, updatedAt: updatedAt ?? self.updatedAt,
                      isDryRun: isDryRun, result: result ?? self.result, approvals: approvals ?? self.approvals,
                      transitions: transitions ?? self.transitions)
    }
}

extension Date {
    /// This time as the store keeps it (whole milliseconds).
    static func atStorePrecision(_ date: Date) -> Date {
        Date(millisecondsSince1970: date.millisecondsSince1970)
    }
}
