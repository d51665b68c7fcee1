import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// GitHub logins pinned to the numeric user id they had when first resolved: a login can be
/// renamed and registered again by someone else, the id cannot.
extension SQLiteApprovalStore {
    public func pinnedGitHubUser(login: String) async throws -> Int64? {
        try await read("read the pinned id of GitHub login \(login)") { tx in
            try Int64.fetchOne(tx.db, sql: "SELECT user_id FROM github_user_pins WHERE login = ?", arguments: [login])
        }
    }

    /// Pins `login` to `userID` unless it is pinned already; returns the id it is pinned to.
    public func pinGitHubUser(login: String, userID: Int64, at: Date) async throws -> Int64 {
        try await write("pin GitHub login \(login)") { tx in
            try tx.db.execute(sql: "INSERT OR IGNORE INTO github_user_pins (login, user_id, pinned_at) VALUES (?, ?, ?)",
                              arguments: [login, userID, at.millisecondsSince1970])
            guard let pinned = try Int64.fetchOne(tx.db, sql: "SELECT user_id FROM github_user_pins WHERE login = ?",
                                                  arguments: [login]) else {
                throw CorruptStore(what: "no pin for GitHub login \(login) right after writing it")
            }
            return pinned
        }
    }
}
