import GRDB

/// What a commit costs and guarantees, as SQLite reports it on the connection that writes: the
/// journal mode (`wal`) and `synchronous` (2 = FULL, every commit synced to disk; 1 = NORMAL,
/// WAL commits synced only at checkpoints). `chatops bench store` prints it beside its figures.
extension SQLiteApprovalStore {
    public func durability() async throws -> (journalMode: String, synchronous: Int) {
        try await writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }
}
