import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Writing a new request row and reading requests back with their approvals and transitions.
extension StoreTransaction {
    /// Inserts `new` as `received` and records `nil → received` with its `request.created` entry.
    func insertRequest(_ new: NewRequest, admission: Admission, at: Date) throws -> StoredRequest {
        let ms = at.millisecondsSince1970
        var approvers: String?
        var quorum = 0
        var expiresAt: Int64?
        var approvalTTL: Int64?
        switch admission {
        case .awaitingApproval(let group, let needed, let expiry):
            approvers = group
            quorum = needed
            expiresAt = expiry.millisecondsSince1970
            approvalTTL = max(1, expiry.millisecondsSince1970 - ms)
        case .approved:
            // Admitted without approval: it must start within the default window all the same.
            approvalTTL = Int64(StoredRequest.defaultStartWindow * 1000)
            expiresAt = ms + approvalTTL!
        case .refused:
            break
        }
        let slots = try Self.slotsJSON(new.command.slots)
        try insert(into: "requests", [("intent", new.command.intent.rawValue), ("slots", slots), ("env", new.env),
                                      ("requester", new.requester)]
                   + MessageOrigin.columns(new.origin, prefix: "origin_")
                   + [("text", new.text), ("state", RequestState.received.rawValue), ("approvers", approvers),
                      ("quorum", quorum), ("expires_at", expiresAt), ("approval_ttl", approvalTTL),
                      ("created_at", ms), ("updated_at", ms),
                      ("dry_run", new.isDryRun)])
        let id = db.lastInsertedRowID
        let seq = try appendAudit(at: at, actor: new.requester, action: "request.created", requestID: id, detail: [
            "intent": .text(new.command.intent.rawValue), "slots": .slots(new.command.slots), "env": .text(new.env),
            "requester": .text(new.requester), "origin": .origin(new.origin), "text": .text(new.text),
            "dry_run": .flag(new.isDryRun),
        ])
        try insertTransition(requestID: id, from: nil, to: .received, actor: new.requester, at: at,
                             origin: new.origin, reason: nil, auditSeq: seq)
        for (key, value) in new.notes.sorted(by: { $0.key < $1.key }) {
            try recordNote(requestID: id, key: key, value: value, at: at)
        }
        if let delivery = new.delivery {
            // The request carries the delivery on from here: a restart must not resume it into a second one.
            try db.cachedStatement(sql: "UPDATE deliveries SET work = NULL WHERE platform = ? AND delivery_id = ? AND work IS NOT NULL")
                .execute(arguments: [delivery.platform, delivery.id])
        }
        // As loading the row would return it (a test compares the two), without reading it back.
        let stamp = Date(millisecondsSince1970: ms)
        return StoredRequest(
            id: id, intent: new.command.intent, slots: new.command.slots, env: new.env, requester: new.requester,
            origin: new.origin, text: new.text, state: .received, approvers: approvers, quorum: quorum,
            expiresAt: expiresAt.map(Date.init(millisecondsSince1970:)), approvalTTL: approvalTTL.map { TimeInterval($0) / 1000 },
            createdAt: stamp, updatedAt: stamp, isDryRun: new.isDryRun, result: nil, approvals: [],
            transitions: [TransitionRecord(from: nil, to: .received, actor: new.requester, at: stamp, origin: new.origin, reason: nil)])
    }

    /// The request with its approvals and transitions. The three statements are prepared once per
    /// connection (each decision loads its request: the race of 100 approvals loads it 100 times).
    func loadRequest(_ id: Int64) throws -> StoredRequest? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM requests WHERE id = ?"), arguments: [id]).map(decodeRequest)
    }

    /// Requests matching `condition` (SQL over `requests`), loaded in full, in `order`.
    func requests(where condition: String, arguments: StatementArguments = [], order: String = "id",
                  limit: Int? = nil) throws -> [StoredRequest] {
        let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try Row.fetchAll(db, sql: "SELECT * FROM requests WHERE \(condition) ORDER BY \(order)\(limitClause)",
                                arguments: arguments).map(decodeRequest)
    }

    private func decodeRequest(_ row: Row) throws -> StoredRequest {
        let id: Int64 = try row.decode(forColumn: "id")
        let intent = try Self.intent(row, of: "request #\(id)")
        let origin = try Self.origin(row, of: "request #\(id)")
        let expiresAt: Int64? = try row.decode(forColumn: "expires_at")
        return StoredRequest(
            id: id, intent: intent, slots: try Self.slots(try row.decode(forColumn: "slots"), request: id),
            env: try row.decode(forColumn: "env"), requester: try row.decode(forColumn: "requester"),
            origin: origin, text: try row.decode(forColumn: "text"),
            state: try Self.state(try row.decode(forColumn: "state"), request: id),
            approvers: try row.decode(forColumn: "approvers"), quorum: try row.decode(forColumn: "quorum"),
            expiresAt: expiresAt.map(Date.init(millisecondsSince1970:)),
            approvalTTL: (try row.decode(Int64?.self, forColumn: "approval_ttl")).map { TimeInterval($0) / 1000 },
            createdAt: Date(millisecondsSince1970: try row.decode(forColumn: "created_at")),
            updatedAt: Date(millisecondsSince1970: try row.decode(forColumn: "updated_at")),
            isDryRun: try row.decode(forColumn: "dry_run"), result: try row.decode(forColumn: "result"),
            approvals: try approvals(of: id), transitions: try transitions(of: id))
    }

    private func approvals(of id: Int64) throws -> [ApprovalRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM approvals WHERE request_id = ? ORDER BY audit_seq"),
                         arguments: [id]).map { row in
            ApprovalRecord(approver: try row.decode(forColumn: "approver"),
                           at: Date(millisecondsSince1970: try row.decode(forColumn: "at")),
                           origin: try MessageOrigin(row: row, prefix: "origin_"))
        }
    }

    private func transitions(of id: Int64) throws -> [TransitionRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM transitions WHERE request_id = ? ORDER BY id"),
                         arguments: [id]).map { row in
            let from: String? = try row.decode(forColumn: "from_state")
            return TransitionRecord(
                from: try from.map { try Self.state($0, request: id) },
                to: try Self.state(try row.decode(forColumn: "to_state"), request: id),
                actor: try row.decode(forColumn: "actor"),
                at: Date(millisecondsSince1970: try row.decode(forColumn: "at")),
                origin: try MessageOrigin(row: row, prefix: "origin_"),
                reason: try row.decode(forColumn: "reason"))
        }
    }

    private static func state(_ name: String, request id: Int64) throws -> RequestState {
        guard let state = RequestState(rawValue: name) else {
            throw CorruptStore(what: "request #\(id) in an unknown state '\(name)'")
        }
        return state
    }

    /// The row's `intent`, which must be one of the catalog (`what`: `request #7`).
    static func intent(_ row: Row, of what: String) throws -> Intent {
        let name: String = try row.decode(forColumn: "intent")
        guard let intent = Intent(rawValue: name) else { throw CorruptStore(what: "\(what) with an unknown intent '\(name)'") }
        return intent
    }

    /// The row's `origin_*` columns, which must name a platform.
    static func origin(_ row: Row, of what: String) throws -> MessageOrigin {
        guard let origin = try MessageOrigin(row: row, prefix: "origin_") else { throw CorruptStore(what: "\(what) without an origin platform") }
        return origin
    }

    static func slotsJSON(_ slots: [String: SlotValue]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(slots), as: UTF8.self)
    }

    static func slots(_ json: String, request id: Int64) throws -> [String: SlotValue] {
        do {
            return try JSONDecoder().decode([String: SlotValue].self, from: Data(json.utf8))
        } catch {
            throw CorruptStore(what: "request #\(id) with unreadable slots (\(error))")
        }
    }
}
