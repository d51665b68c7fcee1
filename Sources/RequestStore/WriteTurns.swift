import Synchronization

/// Whose turn it is to write. SQLite has one writer per file, and GRDB queues writes in the order
/// they arrive; this holds the store's writes in line first, so a write that a platform is
/// waiting on (a delivery claim, before Slack is answered) goes ahead of the writes of work that
/// was already acknowledged (a command's request, its audit entries). Within a priority, first
/// come, first served.
///
/// A turn is a job that starts its write itself; the write that ends starts the next job from
/// the writer's own queue. Handing over never waits for the next writer's task to be scheduled:
/// work running on a low-priority thread cannot hold the line while it waits for the CPU.
final class WriteTurns: Sendable {
    enum Priority: Sendable {
        /// Someone is waiting on the other end of a connection for this write.
        case urgent
        /// Everything else.
        case normal
    }

    /// Starts one write; its completion must call `finish()`.
    typealias Job = @Sendable () -> Void

    private struct Line {
        var writing = false
        var urgent = Waiting()
        var normal = Waiting()
    }

    /// A first-in, first-out list of jobs that does not shift on every removal.
    private struct Waiting {
        private var items: [Job] = []
        private var head = 0

        var count: Int { items.count - head }

        mutating func append(_ job: @escaping Job) { items.append(job) }

        mutating func popFirst() -> Job? {
            guard head < items.count else { return nil }
            let first = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: items.count <= 1024)
                head = 0
            } else if head >= 1024 {
                items.removeFirst(head)
                head = 0
            }
            return first
        }
    }

    private let line = Mutex(Line())

    /// Runs `job` now if nobody is writing, otherwise when its turn comes.
    func submit(_ priority: Priority, _ job: @escaping Job) {
        let now = line.withLock { line -> Bool in
            if !line.writing {
                line.writing = true
                return true
            }
            switch priority {
            case .urgent: line.urgent.append(job)
            case .normal: line.normal.append(job)
            }
            return false
        }
        if now { job() }
    }

    /// Ends the current turn and starts the next job: urgent ones first.
    func finish() {
        let next = line.withLock { line -> Job? in
            if let next = line.urgent.popFirst() ?? line.normal.popFirst() { return next }
            line.writing = false
            return nil
        }
        next?()
    }

    /// Jobs waiting for their turn (for tests and diagnostics).
    var waiting: (urgent: Int, normal: Int) { line.withLock { ($0.urgent.count, $0.normal.count) } }
}
