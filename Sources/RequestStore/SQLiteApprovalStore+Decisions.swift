import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Approvals, denials and cancellations. Whether this approver may decide (not the requester, in
/// the approvers group) is policy, checked by the caller; the store keeps each decision single.
extension SQLiteApprovalStore {
    public func approve(id: Int64, approver: String, origin: MessageOrigin?, at: Date) async throws -> ApprovalOutcome {
        try await write("record an approval of request #\(id)") { tx in
            guard let request = try tx.loadRequest(id) else { return .notFound }
            guard case .success = RequestLifecycle.next(from: request.state, on: .quorumReached) else {
                return .notAwaitingApproval(request)
            }
            // Past its time, an approval is too late even if the sweeper has not come by yet.
            if let expiresAt = request.expiresAt, expiresAt <= at {
                return .notAwaitingApproval(try tx.move(request, on: .expired, actor: "chatops", origin: origin,
                                                        reason: "no approval within the time limit", at: at).get())
            }
            if request.approvals.contains(where: { $0.approver == approver }) { return .alreadyApproved(request) }
            let approved = try tx.insertApproval(of: request, by: approver, origin: origin, at: at)
            let approvers = approved.approvals.map(\.approver)
            guard approvers.count >= request.quorum else {
                return .recorded(approved, approvals: approvers.count, quorum: request.quorum)
            }
            let reason = "approved by \(approvers.joined(separator: ", "))"
            // From now on the approval is good for as long as the request could wait for it.
            let startBy = at.addingTimeInterval(request.approvalTTL ?? StoredRequest.defaultStartWindow)
            return .quorumReached(try tx.move(approved, on: .quorumReached, actor: approver, origin: origin,
                                              reason: reason, at: at,
                                              changing: .init(expiresAt: startBy)).get())
        }
    }

    public func deny(id: Int64, approver: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> DenialOutcome {
        try await write("record a denial of request #\(id)") { tx in
            guard let request = try tx.loadRequest(id) else { return .notFound }
            switch try tx.move(request, on: .denied, actor: approver, origin: origin, reason: reason, at: at) {
            case .success(let denied): return .denied(denied)
            case .failure: return .notAwaitingApproval(request)
            }
        }
    }

    public func cancel(id: Int64, by actor: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> CancelOutcome {
        try await write("cancel request #\(id)") { tx in
            guard let request = try tx.loadRequest(id) else { return .notFound }
            switch try tx.move(request, on: .cancelled, actor: actor, origin: origin, reason: reason, at: at) {
            case .success(let cancelled): return .cancelled(cancelled)
            case .failure: return .notCancellable(request)
            }
        }
    }
}

extension StoreTransaction {
    /// One approval row and its `approval.recorded` entry; UNIQUE(request_id, approver) backs the
    /// caller's check that this approver has not approved yet. Returns `request` with the approval.
    func insertApproval(of request: StoredRequest, by approver: String, origin: MessageOrigin?, at: Date) throws -> StoredRequest {
        let seq = try appendAudit(at: at, actor: approver, action: "approval.recorded", requestID: request.id, detail: [
            "approver": .text(approver), "origin": .origin(origin),
            "approvals": .number(Int64(request.approvals.count + 1)), "quorum": .number(Int64(request.quorum)),
        ])
        try insert(into: "approvals", [("request_id", request.id), ("approver", approver), ("at", at.millisecondsSince1970)]
                   + MessageOrigin.columns(origin, prefix: "origin_") + [("audit_seq", seq)])
        return request.adding(ApprovalRecord(approver: approver, at: .atStorePrecision(at), origin: origin))
    }
}
