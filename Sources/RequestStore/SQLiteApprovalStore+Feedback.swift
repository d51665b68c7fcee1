import Approvals
import Foundation
import GRDB

/// Votes on AI analyses (`FeedbackStore`).
extension SQLiteApprovalStore {
    public func recordFeedback(promptVersion: String, voter: String, conversation: String, helpful: Bool,
                               at: Date) async throws -> FeedbackRecording {
        try await write("record a vote on \(promptVersion)") { tx in
            let before = try Bool.fetchOne(tx.db, sql: "SELECT helpful FROM feedback WHERE prompt_version = ? AND voter = ? AND conversation = ?",
                                           arguments: [promptVersion, voter, conversation])
            if before == helpful { return .unchanged }
            try tx.db.execute(sql: """
                INSERT INTO feedback (prompt_version, voter, conversation, helpful, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (prompt_version, voter, conversation) DO UPDATE SET helpful = excluded.helpful, at = excluded.at
                """, arguments: [promptVersion, voter, conversation, helpful, at.millisecondsSince1970])
            return before == nil ? .recorded : .changed
        }
    }

    public func feedbackCounts() async throws -> [FeedbackCount] {
        try await read("count the votes") { tx in
            try Row.fetchAll(tx.db, sql: """
                SELECT prompt_version, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful
                FROM feedback GROUP BY prompt_version ORDER BY prompt_version
                """).map { row in
                FeedbackCount(promptVersion: row["prompt_version"], helpful: row["helpful"], unhelpful: row["unhelpful"])
            }
        }
    }
}
