import Dispatch
import GRDB
import Synchronization

/// Copies committed pages from the write-ahead log into the database file, on a connection of its
/// own, shortly after writes. SQLite's automatic checkpoint runs inside the commit that crosses
/// its threshold: that commit (in WAL with `synchronous` NORMAL, the only one that syncs) waits
/// for the database file's fdatasync, and every write queued behind it waits too (measured on
/// the webhook's path: fdatasyncs of up to 127 ms, the whole of its p99). The store's own
/// connections have the automatic checkpoint turned off (`PRAGMA wal_autocheckpoint = 0`), and
/// this runs a PASSIVE checkpoint instead, which never takes the write lock: writers keep
/// appending to the log while it copies, and the next write after a complete copy starts the
/// log again from its beginning, so the file stays as large as one interval's writes.
///
/// Should a checkpoint leave more than `restartFrames` frames uncopied (readers holding old
/// snapshots through a flood), the next one is a RESTART, which waits for the readers and holds
/// writers meanwhile: what every commit risked before, now only when the log runs away.
final class WALCheckpointer: @unchecked Sendable {
    /// How long after a commit the checkpoint runs: commits in between share it.
    let delay: DispatchTimeInterval
    let restartFrames: Int
    private let path: String
    private let configuration: Configuration
    private let queue = DispatchQueue(label: "chatops.store.checkpoint", qos: .utility)
    private let scheduled = Atomic<Bool>(false)
    /// Opened on the first checkpoint and used only on `queue` (hence `@unchecked Sendable`).
    private var connection: DatabaseQueue?
    private var nextMode: Database.CheckpointMode = .passive
    /// Checkpoints run so far and frames they left behind: for tests and diagnostics.
    private let stats = Mutex<Stats>(Stats())

    struct Stats: Sendable, Equatable {
        var running = false
        var checkpoints = 0
        var failures = 0
        var framesLeft = 0
    }

    init(path: String, configuration: Configuration, delay: DispatchTimeInterval = .milliseconds(250),
         restartFrames: Int = 16_384) {
        self.path = path
        self.configuration = configuration
        self.delay = delay
        self.restartFrames = restartFrames
    }

    var statistics: Stats { stats.withLock { $0 } }

    /// No checkpoint running or due: every commit so far has been checkpointed (or failed to be).
    var isIdle: Bool { stats.withLock { !$0.running } && !scheduled.load(ordering: .acquiring) }

    /// A write committed: a checkpoint follows within `delay` unless one is already due.
    func committed() {
        guard scheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            stats.withLock { $0.running = true }
            // Cleared before it runs: a commit during the checkpoint schedules the next one.
            scheduled.store(false, ordering: .releasing)
            checkpoint()
            stats.withLock { $0.running = false }
        }
    }

    private func checkpoint() {
        do {
            if connection == nil { connection = try DatabaseQueue(path: path, configuration: configuration) }
            let mode = nextMode
            let result = try connection!.writeWithoutTransaction { db in try db.checkpoint(mode) }
            let left = max(0, result.walFrameCount - result.checkpointedFrameCount)
            nextMode = left > restartFrames ? .restart : .passive
            stats.withLock { $0.checkpoints += 1; $0.framesLeft = left }
        } catch {
            // Busy (another process checkpointing) or closed: the next commit tries again, and
            // SQLite checkpoints the log when the last connection closes.
            stats.withLock { $0.failures += 1 }
        }
    }
}
