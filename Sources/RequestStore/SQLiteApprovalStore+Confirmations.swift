import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Model-inferred commands waiting for their author's answer (`ConfirmationStore`).
extension SQLiteApprovalStore {
    public func createConfirmation(_ new: ConfirmationQuestion, at: Date) async throws -> PendingConfirmation {
        try await write("record a confirmation for \(new.command.intent.rawValue)") { tx in
            let slots = try StoreTransaction.slotsJSON(new.command.slots)
            try tx.insert(into: "confirmations", [
                ("intent", new.command.intent.rawValue), ("slots", slots), ("text", new.text), ("platform_user", new.platformUser),
            ] + MessageOrigin.columns(new.origin, prefix: "origin_") + [
                ("paraphrase", new.paraphrase), ("model", new.model), ("prompt_version", new.promptVersion),
                ("confidence", new.confidence), ("created_at", at.millisecondsSince1970),
                ("expires_at", new.expiresAt.millisecondsSince1970), ("state", PendingConfirmation.State.pending.rawValue),
            ])
            let id = tx.db.lastInsertedRowID
            guard let stored = try tx.confirmation(id: id) else { throw CorruptStore(what: "confirmation #\(id) right after writing it") }
            return stored
        }
    }

    public func confirmation(id: Int64) async throws -> PendingConfirmation? {
        try await read("read confirmation #\(id)") { tx in try tx.confirmation(id: id) }
    }

    public func latestConfirmation(platformUser: String, in origin: MessageOrigin, since: Date) async throws -> PendingConfirmation? {
        try await read("find the latest confirmation") { tx in
            let row = try Row.fetchOne(tx.db, sql: """
                SELECT * FROM confirmations
                WHERE platform_user = ? AND origin_platform = ? AND origin_channel IS ? AND origin_thread IS ? AND created_at >= ?
                ORDER BY id DESC LIMIT 1
                """, arguments: [platformUser, origin.platform, origin.channel, origin.thread, since.millisecondsSince1970])
            return try row.map(StoreTransaction.decodeConfirmation)
        }
    }

    public func answerConfirmation(id: Int64, platformUser: String, state: PendingConfirmation.State,
                                   at: Date) async throws -> ConfirmationAnswer {
        try await write("answer confirmation #\(id)") { tx in
            guard let current = try tx.confirmation(id: id) else { return .notFound }
            guard current.question.platformUser == platformUser else { return .notTheirs }
            guard current.state == .pending else { return .alreadySettled(current.state) }
            if current.question.expiresAt <= at {
                try tx.db.execute(sql: "UPDATE confirmations SET state = 'expired', settled_at = ? WHERE id = ?",
                                  arguments: [at.millisecondsSince1970, id])
                return .alreadySettled(.expired)
            }
            try tx.db.execute(sql: "UPDATE confirmations SET state = ?, settled_at = ? WHERE id = ? AND state = 'pending'",
                              arguments: [state.rawValue, at.millisecondsSince1970, id])
            guard let settled = try tx.confirmation(id: id) else { return .notFound }
            return .settled(settled)
        }
    }
}

extension StoreTransaction {
    func confirmation(id: Int64) throws -> PendingConfirmation? {
        try Row.fetchOne(db, sql: "SELECT * FROM confirmations WHERE id = ?", arguments: [id]).map(Self.decodeConfirmation)
    }

    static func decodeConfirmation(_ row: Row) throws -> PendingConfirmation {
        let id: Int64 = try row.decode(forColumn: "id")
        let what = "confirmation #\(id)"
        let stateName: String = try row.decode(forColumn: "state")
        guard let state = PendingConfirmation.State(rawValue: stateName) else {
            throw CorruptStore(what: "\(what) in an unknown state '\(stateName)'")
        }
        let command = ParsedCommand(intent: try intent(row, of: what), slots: try slots(try row.decode(forColumn: "slots"), request: id),
                                    source: .llm, ruleID: nil)
        let question = ConfirmationQuestion(
            command: command, text: try row.decode(forColumn: "text"), platformUser: try row.decode(forColumn: "platform_user"),
            origin: try origin(row, of: what), paraphrase: try row.decode(forColumn: "paraphrase"), model: try row.decode(forColumn: "model"),
            promptVersion: try row.decode(forColumn: "prompt_version"), confidence: try row.decode(forColumn: "confidence"),
            expiresAt: Date(millisecondsSince1970: try row.decode(forColumn: "expires_at")))
        return PendingConfirmation(id: id, question: question, createdAt: Date(millisecondsSince1970: try row.decode(forColumn: "created_at")),
                                   state: state)
    }
}
