import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Freezing an environment stops what has not started there yet; running work finishes.
extension SQLiteApprovalStore {
    public func freeze(env: String, by actor: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> FreezeOutcome {
        try await write("freeze \(env)") { tx in
            if let existing = try tx.freezeRecord(env: env) { return .alreadyFrozen(existing) }
            try tx.insert(into: "freezes", [("env", env), ("frozen_by", actor), ("at", at.millisecondsSince1970),
                                            ("reason", reason)])
            try tx.appendAudit(at: at, actor: actor, action: "env.frozen", requestID: nil, detail: [
                "env": .text(env), "reason": .text(reason), "origin": .origin(origin),
            ])
            let approved = try tx.requests(where: "env = ? AND state = ?", arguments: [env, RequestState.approved.rawValue])
            let cancelled = try approved.filter(\.intent.actsOnTargetSystem).map { request in
                try tx.move(request, on: .cancelled, actor: actor, origin: origin,
                            reason: "\(env) was frozen by \(actor)", at: at).get()
            }
            guard let record = try tx.freezeRecord(env: env) else { throw CorruptStore(what: "no freeze of \(env) right after writing it") }
            return .frozen(record, cancelled: cancelled)
        }
    }

    public func unfreeze(env: String, by actor: String, origin: MessageOrigin?, at: Date) async throws -> UnfreezeOutcome {
        try await write("unfreeze \(env)") { tx in
            guard let record = try tx.freezeRecord(env: env) else { return .notFrozen }
            try tx.db.execute(sql: "DELETE FROM freezes WHERE env = ?", arguments: [env])
            try tx.appendAudit(at: at, actor: actor, action: "env.unfrozen", requestID: nil, detail: [
                "env": .text(env), "origin": .origin(origin), "frozen_by": .text(record.frozenBy),
                "frozen_at": .number(record.at.millisecondsSince1970),
            ])
            return .unfrozen(was: record)
        }
    }

    public func freezes() async throws -> [FreezeRecord] {
        try await read("list frozen environments") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM freezes ORDER BY env").map(StoreTransaction.freezeRecord)
        }
    }
}

extension StoreTransaction {
    func freezeRecord(env: String) throws -> FreezeRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM freezes WHERE env = ?", arguments: [env]).map(Self.freezeRecord)
    }

    static func freezeRecord(_ row: Row) throws -> FreezeRecord {
        FreezeRecord(env: try row.decode(forColumn: "env"), frozenBy: try row.decode(forColumn: "frozen_by"),
                     at: Date(millisecondsSince1970: try row.decode(forColumn: "at")), reason: try row.decode(forColumn: "reason"))
    }
}
