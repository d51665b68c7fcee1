import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Where approval prompts were posted, and the store's own health.
extension SQLiteApprovalStore {
    public func recordPromptMessage(requestID: Int64, message: MessageOrigin) async throws {
        guard let messageID = message.messageID else { return }
        try await write("remember the approval message of request #\(requestID)") { tx in
            try tx.db.execute(sql: """
                INSERT OR IGNORE INTO prompt_messages (request_id, platform, channel, thread, message_id)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [requestID, message.platform, message.channel, message.thread, messageID])
        }
    }

    public func promptMessages(requestID: Int64) async throws -> [MessageOrigin] {
        try await read("list the approval messages of request #\(requestID)") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM prompt_messages WHERE request_id = ? ORDER BY rowid",
                             arguments: [requestID]).compactMap { try MessageOrigin(row: $0, prefix: "") }
        }
    }

    public func checkWritable() async throws {
        try await write("check that the store takes writes") { tx in
            try tx.db.execute(sql: "INSERT OR REPLACE INTO health_probe (id, checked_at) VALUES (1, ?)",
                              arguments: [Date().millisecondsSince1970])
        }
    }
}
