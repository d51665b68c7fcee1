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
                SELECT prompt_version, SUM(answers) AS answers, SUM(helpful) AS helpful, SUM(unhelpful) AS unhelpful FROM (
                    SELECT prompt_version, 0 AS answers, helpful, 1 - helpful AS unhelpful FROM feedback
                    UNION ALL SELECT prompt_version, 1, 0, 0 FROM analyses)
                GROUP BY prompt_version ORDER BY prompt_version
                """).map { row in
                FeedbackCount(promptVersion: row["prompt_version"], answers: row["answers"], helpful: row["helpful"],
                              unhelpful: row["unhelpful"])
            }
        }
    }

    public func recordAnalysis(_ analysis: AnalysisRecord, at: Date) async throws {
        try await write("keep an analysis by \(analysis.promptVersion)") { tx in
            try tx.db.execute(sql: "INSERT INTO analyses (prompt_version, model, subject, text, at) VALUES (?, ?, ?, ?, ?)",
                              arguments: [analysis.promptVersion, analysis.model, analysis.subject, analysis.text,
                                          at.millisecondsSince1970])
        }
    }

    public func analyses(limit: Int) async throws -> [(record: AnalysisRecord, at: Date)] {
        try await read("read the analyses") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM analyses ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)]).map { row in
                (AnalysisRecord(promptVersion: row["prompt_version"], model: row["model"], subject: row["subject"], text: row["text"]),
                 Date(millisecondsSince1970: row["at"]))
            }
        }
    }
}
