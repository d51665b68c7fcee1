import Approvals
import ChatOpsCore
import GRDB

/// One open transaction on the store. The invariant-keeping steps that several store methods
/// share (load a request, move it through the lifecycle, append to the audit log, owe a thread a
/// notice) live on it, so each store method reads as the sequence of steps it takes.
struct StoreTransaction {
    let db: Database
    /// Told each new audit head once its transaction commits.
    var auditHead: AuditHeadObserver? = nil
}

/// Column names with the values to store in them, kept side by side so they cannot drift apart.
typealias SQLColumns = [(name: String, value: (any DatabaseValueConvertible)?)]

extension StoreTransaction {
    func insert(into table: String, _ columns: SQLColumns) throws {
        let names = columns.map(\.name).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        // Prepared once per connection and reused: the same call site always builds the same SQL.
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(names)) VALUES (\(placeholders))")
            .execute(arguments: StatementArguments(columns.map(\.value)))
    }
}
