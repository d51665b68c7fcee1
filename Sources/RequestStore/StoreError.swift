import Approvals
import ChatOpsCore
import GRDB

/// A store failure, worded for the person running the bot: what went wrong, on which store, and
/// what to do about it. Database errors are wrapped in it so callers never see bare SQLite codes.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func cannotOpen(_ location: String, _ underlying: any Error) -> StoreError {
        StoreError("cannot open the store at \(location): \(sqliteMessage(underlying)); check the path "
                   + "(--store, CHATOPS_STORE or store.path) and that its folder is writable")
    }

    static func failed(_ action: String, at location: String, _ underlying: any Error) -> StoreError {
        StoreError("cannot \(action) in the store at \(location): \(sqliteMessage(underlying)); \(hint(for: underlying))")
    }

    static func corrupt(_ what: String, at location: String) -> StoreError {
        StoreError("the store at \(location) holds \(what); it was edited outside chatops "
                   + "or by a newer version; restore it from a backup or upgrade chatops")
    }
}

/// A row the store cannot read back (an unknown state or intent, unreadable slots): raised inside
/// a transaction, turned into a `StoreError` naming the store by `SQLiteApprovalStore`.
struct CorruptStore: Error {
    let what: String
}

/// `SQLITE_BUSY: database is locked` → `database is locked`: the person needs the words, not the code.
func sqliteMessage(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
}

/// What the person can do about a failed store operation, by kind of failure.
private func hint(for error: any Error) -> String {
    switch (error as? DatabaseError)?.resultCode.primaryResultCode {
    case .SQLITE_BUSY?, .SQLITE_LOCKED?:
        return "another chatops process held the store for more than 10 seconds; retry once it is done"
    case .SQLITE_READONLY?, .SQLITE_CANTOPEN?, .SQLITE_FULL?, .SQLITE_IOERR?, .SQLITE_PERM?:
        return "check that the store file and its folder are writable and that the disk is not full"
    default:
        return "retry; if it keeps failing, back the store file up and report this message"
    }
}
