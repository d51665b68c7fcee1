import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// What executors record about a request between attempts (see `RequestNotes`).
extension SQLiteApprovalStore {
    public func executionNote(requestID: Int64, key: String) async throws -> String? {
        try await read("read note '\(key)' of request #\(requestID)") { tx in
            try String.fetchOne(tx.db, sql: "SELECT value FROM execution_notes WHERE request_id = ? AND key = ?",
                                arguments: [requestID, key])
        }
    }

    public func recordExecutionNote(requestID: Int64, key: String, value: String, at: Date) async throws {
        try await write("record note '\(key)' of request #\(requestID)") { tx in
            try tx.recordNote(requestID: requestID, key: key, value: value, at: at)
        }
    }
}

extension StoreTransaction {
    /// Sets note `key` of request `requestID` (a later value replaces an earlier one).
    func recordNote(requestID: Int64, key: String, value: String, at: Date) throws {
        try db.cachedStatement(sql: """
            INSERT INTO execution_notes (request_id, key, value, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (request_id, key) DO UPDATE SET value = excluded.value, at = excluded.at
            """).execute(arguments: [requestID, key, value, at.millisecondsSince1970])
    }
}
