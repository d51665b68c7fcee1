import Dispatch
import GRDB
import Synchronization

/// Copies committed pages from the write-ahead log into the database file, on a connection of its
/// own, shortly after writes. SQLite's automatic checkpoint runs inside the commit that crosses
/// its threshold (1,000 frames by default): that commit (in WAL with `synchronous` NORMAL, the
/// only kind that syncs) waits for the copy and the database file's fdatasync, and every write
/// queued behind it waits too. This runs a PASSIVE checkpoint instead, which never takes the
/// write lock: writers keep appending while it copies and syncs, and the next write after a
/// complete copy starts the log again from its beginning.
///
/// Writes that never pause leave every passive checkpoint a little behind, and the log would
/// then only grow (measured: a file growing by megabytes a second, the kernel throttling its
/// dirty pages, claims stalled for up to 590 ms). So the store's connections keep SQLite's own
/// checkpoint, at `commitCheckpointFrames` instead of 1,000: it bounds the log, and when it runs
/// most of the log has been copied already. Measured on the webhook benchmark (16 connections,
/// claims and the acknowledged work): 2,400–2,800 → 3,700–4,000 requests/s, p99 33–56 → 28–31 ms.
final class WALCheckpointer: @unchecked Sendable {
    /// The log's size, in frames (pages), at which a commit checkpoints it itself.
    static let commitCheckpointFrames = 4_096

    /// How long after a commit the checkpoint runs: commits in between share it.
    let delay: DispatchTimeInterval
    private let path: String
    private let configuration: Configuration
    private let queue = DispatchQueue(label: "chatops.store.checkpoint", qos: .utility)
    private let scheduled = Atomic<Bool>(false)
    /// Opened on the first checkpoint and used only on `queue` (hence `@unchecked Sendable`).
    private var connection: DatabaseQueue?
    /// Checkpoints run so far and frames they left behind: for tests and diagnostics.
    private let stats = Mutex<Stats>(Stats())

    struct Stats: Sendable, Equatable {
        var running = false
        var checkpoints = 0
        var failures = 0
        var framesLeft = 0
    }

    init(path: String, configuration: Configuration, delay: DispatchTimeInterval = .milliseconds(250)) {
        self.path = path
        self.configuration = configuration
        self.delay = delay
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
            let connection = try self.connection ?? DatabaseQueue(path: path, configuration: configuration)
            self.connection = connection
            let result = try connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            let left = max(0, result.walFrameCount - result.checkpointedFrameCount)
            stats.withLock { $0.checkpoints += 1; $0.framesLeft = left }
        } catch {
            // Busy (another process checkpointing) or closed: the next commit tries again, and
            // SQLite checkpoints the log when the last connection closes.
            stats.withLock { $0.failures += 1 }
        }
    }
}
