import Approvals
import ChatOpsCore
import Foundation

/// Claiming approved requests, leases, and recording how execution ended.
extension SQLiteApprovalStore {
    public func claimForExecution(id: Int64, owner: ExecutionOwner, leaseUntil: Date, at: Date) async throws -> ClaimOutcome {
        try await write("claim request #\(id) for execution") { tx in
            guard let request = try tx.loadRequest(id) else { return .notFound }
            guard case .success = RequestLifecycle.next(from: request.state, on: .started) else {
                return .notApproved(request)
            }
            if let startBy = request.expiresAt, startBy <= at {
                let ttl = Int((request.approvalTTL ?? StoredRequest.defaultStartWindow).rounded())
                let reason = "approved, but not started within \(ttl)s of its approval; an old approval is not run"
                let expired = try tx.move(request, on: .expired, actor: "chatops", origin: nil, reason: reason, at: at).get()
                try tx.insertNotice(for: expired, text: "Request #\(expired.id) (\(expired.summary)) expired: it was approved "
                                    + "but could not start within its approval time (the bot was not running), so it was "
                                    + "not run. Ask again if it is still needed.", at: at)
                return .expired(expired)
            }
            if let env = request.env, request.intent.actsOnTargetSystem, let freeze = try tx.freezeRecord(env: env) {
                let reason = "\(env) is frozen by \(freeze.frozenBy)" + (freeze.reason.map { ": \($0)" } ?? "")
                let cancelled = try tx.move(request, on: .cancelled, actor: "chatops", origin: nil, reason: reason, at: at).get()
                return .frozen(cancelled, freeze)
            }
            return .claimed(try tx.move(request, on: .started, actor: "chatops", origin: nil, reason: nil, at: at,
                                            changing: .init(owner: owner, leaseUntil: leaseUntil)).get())
        }
    }

    /// A lease is only extended for the owner that holds it: a request recovery already marked
    /// interrupted, or another process's request, is left alone.
    public func renewLease(id: Int64, owner: ExecutionOwner, until: Date) async throws {
        try await write("renew the lease of request #\(id)") { tx in
            try tx.db.execute(
                sql: """
                    UPDATE requests SET lease_until = ?
                    WHERE id = ? AND state = ? AND owner_host = ? AND owner_pid = ?
                    """,
                arguments: [until.millisecondsSince1970, id, RequestState.executing.rawValue, owner.host, owner.pid])
        }
    }

    /// A failure's reason is the first line of its result: enough for the history, the full text is in `result`.
    public func finish(id: Int64, succeeded: Bool, result: String, at: Date) async throws -> StoredRequest {
        try await write("record the end of request #\(id)") { tx in
            guard let request = try tx.loadRequest(id) else {
                throw StoreError("cannot record the end of request #\(id): there is no such request; "
                                 + "finish only a request returned by claimForExecution")
            }
            let reason = succeeded ? nil : result.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            switch try tx.move(request, on: succeeded ? .succeeded : .failed, actor: "chatops", origin: nil,
                               reason: reason, at: at, changing: .init(result: result)) {
            case .success(let finished):
                return finished
            case .failure(let illegal):
                throw StoreError("cannot record the end of request #\(id): \(illegal); "
                                 + "only a request claimed for execution (executing) can finish")
            }
        }
    }
}
