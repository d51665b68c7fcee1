import Approvals
import Foundation
import GRDB

/// The only way a request's state changes: through `RequestLifecycle`, with a transition record
/// and an audit entry written alongside.
extension StoreTransaction {
    /// Moves `request` on `event` if the lifecycle allows it, also setting `columns` of its row
    /// (owner, lease, result). An illegal event changes nothing and comes back as the failure.
    func move(_ request: StoredRequest, on event: RequestEvent, actor: String, origin: MessageOrigin?,
              reason: String?, at: Date, setting columns: KeyValuePairs<String, (any DatabaseValueConvertible)?> = [:])
        throws -> Result<StoredRequest, IllegalTransition> {
        let next: RequestState
        switch RequestLifecycle.next(from: request.state, on: event) {
        case .failure(let illegal): return .failure(illegal)
        case .success(let state): next = state
        }
        let ms = at.millisecondsSince1970
        let assignments = (["state", "updated_at"] + columns.map(\.key)).map { "\($0) = ?" }.joined(separator: ", ")
        let values: SQLValues = [next.rawValue, ms] + columns.map(\.value) + [request.id, request.state.rawValue]
        try db.execute(sql: "UPDATE requests SET \(assignments) WHERE id = ? AND state = ?",
                       arguments: StatementArguments(values))
        guard db.changesCount == 1 else {
            throw CorruptStore(what: "request #\(request.id) changing state under an open transaction")
        }
        let seq = try appendAudit(at: at, actor: actor, action: "request.transition", requestID: request.id, detail: [
            "from": .text(request.state.rawValue), "to": .text(next.rawValue), "reason": .text(reason),
            "origin": .origin(origin),
        ])
        try insertTransition(requestID: request.id, from: request.state, to: next, actor: actor, at: at,
                             origin: origin, reason: reason, auditSeq: seq)
        return .success(try requireRequest(request.id))
    }

    func insertTransition(requestID: Int64, from: RequestState?, to: RequestState, actor: String, at: Date,
                          origin: MessageOrigin?, reason: String?, auditSeq: Int64) throws {
        let values: SQLValues = [requestID, from?.rawValue, to.rawValue, actor, at.millisecondsSince1970]
            + MessageOrigin.columnValues(origin) + [reason, auditSeq]
        try db.execute(
            sql: """
                INSERT INTO transitions (request_id, from_state, to_state, actor, at,
                    \(MessageOrigin.columnNames(prefix: "origin_")), reason, audit_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments(values))
    }

    /// Owes `request`'s thread a message, in the transaction of the change it reports.
    func insertNotice(for request: StoredRequest, text: String, at: Date) throws {
        let values: SQLValues = MessageOrigin.columnValues(request.origin) + [text, request.id, at.millisecondsSince1970]
        try db.execute(
            sql: """
                INSERT INTO notices (\(MessageOrigin.columnNames(prefix: "")), text, request_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments(values))
    }
}
