import Approvals
import ChatOpsCore
import Foundation
import GRDB
import Synchronization

/// The SQLite implementation of `ApprovalStore`, after GRDB's AppDatabase pattern: it wraps any
/// `DatabaseWriter`, brings the schema up to date when it opens, and exposes only named writes
/// that keep the lifecycle's invariants. Each write is one IMMEDIATE transaction, so two
/// processes sharing a file (`chatops say` beside `chatops serve`) never both win a race.
public final class SQLiteApprovalStore: ApprovalStore, Sendable {
    let writer: any DatabaseWriter
    /// The file path, or `(memory)`: error messages name it.
    let location: String
    /// Who hears of each new audit head (its sequence number and hash) after it is committed.
    let auditHead = AuditHeadObserver()
    /// Delivery claims, committed in groups (`recordDelivery`).
    let deliveryClaims: DeliveryClaimBatch
    /// This process's writes take turns here before GRDB's queue: claims first.
    let writeTurns = WriteTurns()
    /// Checkpoints the write-ahead log off the writer's path (stores opened from a file path).
    let checkpointer: WALCheckpointer?

    /// `observer` is told the audit chain's head after each append commits: recorded outside the
    /// store (a log line, a metric), it shows later whether the newest entries were cut off
    /// (`chatops audit verify --head SEQ:HASH`).
    public func observeAuditHead(_ observer: @escaping @Sendable (_ seq: Int64, _ hash: String) -> Void) {
        auditHead.set(observer)
    }

    /// Opens (or creates) the store file in WAL mode, waiting up to 10 seconds for another
    /// process that holds the write lock rather than failing at once. The log is checkpointed by
    /// a `WALCheckpointer`, off the writer's path.
    public convenience init(path: String) throws {
        let configuration = Self.fileConfiguration()
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path, error)
        }
        try self.init(writer: pool, location: path,
                      checkpointer: WALCheckpointer(path: path, configuration: configuration))
    }

    /// A private store that lives as long as the value: for tests and `--dry-run` sessions.
    public static func inMemory() throws -> SQLiteApprovalStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.cannotOpen("(memory)", error)
        }
        return try SQLiteApprovalStore(writer: queue, location: "(memory)")
    }

    /// Wraps a database the caller configured (a queue, a pool, a snapshot of a test file).
    /// Give it a busy timeout if other processes share the file.
    public convenience init(writer: any DatabaseWriter) throws {
        let isMemory = writer.path.isEmpty || writer.path == ":memory:" || writer.path.contains("mode=memory")
        try self.init(writer: writer, location: isMemory ? "(memory)" : writer.path)
    }

    init(writer: any DatabaseWriter, location: String, checkpointer: WALCheckpointer? = nil) throws {
        self.writer = writer
        self.location = location
        self.checkpointer = checkpointer
        let this = WeakStore()
        deliveryClaims = DeliveryClaimBatch { claims in
            guard let store = this.store else { throw CancellationError() }
            return try await store.recordDeliveries(claims)
        }
        this.store = self
        do {
            try Self.migrate(writer)
        } catch {
            throw StoreError.cannotOpen(location, error)
        }
        checkpointer?.committed()
    }

    /// A file's connections leave checkpoints to the `WALCheckpointer` until the log grows to
    /// `commitCheckpointFrames`.
    static func fileConfiguration() -> Configuration {
        var configuration = configuration()
        let frames = WALCheckpointer.commitCheckpointFrames
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(frames)") }
        return configuration
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.label = "chatops.store"
        return config
    }

    /// Two processes opening a fresh file may both see v1 unapplied; the loser's migration then
    /// fails on existing tables. That is fine as long as the schema is complete afterwards.
    private static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = StoreSchema.migrator
        do {
            try migrator.migrate(writer)
        } catch {
            if (try? writer.read(migrator.hasCompletedMigrations)) == true { return }
            throw error
        }
    }

    /// Runs `body` in one write transaction; database errors come back as a `StoreError` that
    /// names the store and `action` ("record an approval of request #5"). `priority`: `.urgent`
    /// only for a write a platform's connection is waiting on (it goes ahead of queued writes).
    /// The turn ends on the writer's own queue, as soon as the transaction has committed: never
    /// behind the caller's executor (a background task's low-priority thread must not hold up the
    /// claims queued behind it).
    func write<T: Sendable>(_ action: String, priority: WriteTurns.Priority = .normal,
                            _ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        let auditHead = auditHead, writer = writer, turns = writeTurns, checkpointer = checkpointer
        do {
            return try await withCheckedThrowingContinuation { (done: CheckedContinuation<T, any Error>) in
                turns.submit(priority) {
                    writer.asyncWrite({ db in try body(StoreTransaction(db: db, auditHead: auditHead)) },
                                      completion: { _, result in
                                          turns.finish()
                                          checkpointer?.committed()
                                          done.resume(with: result)
                                      })
                }
            }
        } catch {
            throw translate(error, action)
        }
    }

    /// Runs `body` in one read transaction: a consistent snapshot, even while others write.
    func read<T: Sendable>(_ action: String, _ body: @Sendable (StoreTransaction) throws -> T) async throws -> T {
        do {
            return try await writer.read { db in try body(StoreTransaction(db: db)) }
        } catch {
            throw translate(error, action)
        }
    }

    private func translate(_ error: any Error, _ action: String) -> any Error {
        switch error {
        case is CancellationError, is StoreError: return error
        case let corrupt as CorruptStore: return StoreError.corrupt(corrupt.what, at: location)
        default: return StoreError.failed(action, at: location, error)
        }
    }
}

/// The audit head's listener, set once the store is open.
final class AuditHeadObserver: Sendable {
    /// The closure is kept in a class: a function value stored directly in the generic `Mutex` is
    /// re-wrapped in a reabstraction thunk on every `withLock`, so each append called through one
    /// more layer than the last (measured: a third of the server's CPU after a few thousand
    /// commands, and a stack that would overflow in a long-lived process).
    private final class Box: Sendable {
        let call: @Sendable (Int64, String) -> Void
        init(_ call: @escaping @Sendable (Int64, String) -> Void) { self.call = call }
    }

    private let observer = Mutex<Box?>(nil)

    func set(_ observer: @escaping @Sendable (Int64, String) -> Void) {
        let box = Box(observer)
        self.observer.withLock { $0 = box }
    }

    func tell(seq: Int64, hash: String) { observer.withLock { $0 }?.call(seq, hash) }
}

/// The store as its claim batch sees it: not kept alive by it.
private final class WeakStore: @unchecked Sendable {
    weak var store: SQLiteApprovalStore?
}
