import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// The only way a request's state changes: through `RequestLifecycle`, with a transition record
/// and an audit entry written alongside.
extension StoreTransaction {
    /// Moves `request` on `event` if the lifecycle allows it, also setting `changes` on its row
    /// (owner, lease, result, deadline). An illegal event changes nothing and comes back as the
    /// failure. `request` must be the request as stored (with any approval this transaction added):
    /// the request returned is built from it, not read back.
    func move(_ request: StoredRequest, on event: RequestEvent, actor: String, origin: MessageOrigin?,
              reason: String?, at: Date, changing changes: RequestRowChanges = .init())
        throws -> Result<StoredRequest, IllegalTransition> {
        let next: RequestState
        switch RequestLifecycle.next(from: request.state, on: event) {
        case .failure(let illegal): return .failure(illegal)
        case .success(let state): next = state
        }
        let ms = at.millisecondsSince1970
        let assignments: SQLColumns = [("state", next.rawValue), ("updated_at", ms)] + changes.columns
        let values: [(any DatabaseValueConvertible)?] = assignments.map(\.value) + [request.id, request.state.rawValue]
        // One statement per set of columns, prepared once per connection.
        try db.cachedStatement(sql: "UPDATE requests SET \(assignments.map { "\($0.name) = ?" }.joined(separator: ", ")) "
                                   + "WHERE id = ? AND state = ?")
            .execute(arguments: StatementArguments(values))
        guard db.changesCount == 1 else {
            throw CorruptStore(what: "request #\(request.id), whose state changed while it was being updated")
        }
        let seq = try appendAudit(at: at, actor: actor, action: "request.transition", requestID: request.id, detail: [
            "from": .text(request.state.rawValue), "to": .text(next.rawValue), "reason": .text(reason),
            "origin": .origin(origin),
        ])
        try insertTransition(requestID: request.id, from: request.state, to: next, actor: actor, at: at,
                             origin: origin, reason: reason, auditSeq: seq)
        let transition = TransitionRecord(from: request.state, to: next, actor: actor, at: Date(millisecondsSince1970: ms),
                                          origin: origin, reason: reason)
        return .success(request.moved(by: transition, changes: changes))
    }

    func insertTransition(requestID: Int64, from: RequestState?, to: RequestState, actor: String, at: Date,
                          origin: MessageOrigin?, reason: String?, auditSeq: Int64) throws {
        try insert(into: "transitions", [("request_id", requestID), ("from_state", from?.rawValue), ("to_state", to.rawValue),
                                         ("actor", actor), ("at", at.millisecondsSince1970)]
                   + MessageOrigin.columns(origin, prefix: "origin_") + [("reason", reason), ("audit_seq", auditSeq)])
    }

    /// Owes `request`'s thread a message, in the transaction of the change it reports.
    func insertNotice(for request: StoredRequest, text: String, at: Date) throws {
        try insert(into: "notices", MessageOrigin.columns(request.origin, prefix: "")
                   + [("text", text), ("request_id", request.id), ("created_at", at.millisecondsSince1970)])
    }
}
