import Synchronization

/// Work started after a platform was already answered (Slack's 3 seconds, Discord's deferral):
/// tracked so a graceful shutdown waits for it instead of dropping it. It runs on the
/// `BackgroundExecutor`, below the acknowledgements in CPU priority, and at most `limit` pieces
/// at once: under a flood the rest wait their turn in order (held, never dropped), so the work
/// in progress — and what it asks of the store and the APIs — stays bounded.
///
/// Handing work over takes a lock, not a hop: the handler that answers the platform does not
/// wait for another thread before it answers.
public final class InFlightWork: Sendable {
    /// A piece of work, boxed: a function value kept in the generic `Mutex` would be wrapped in
    /// one more reabstraction thunk each time it passes through (see `AuditHeadObserver`).
    private final class Piece: Sendable {
        let run: @Sendable () async -> Void
        init(_ run: @escaping @Sendable () async -> Void) { self.run = run }
    }

    private struct State {
        var running = 0
        var waiting: [Piece] = []
        var head = 0
        var drainWaiters: [CheckedContinuation<Void, Never>] = []

        var count: Int { running + waiting.count - head }
    }

    private let state = Mutex(State())
    /// The most pieces of work running at once (long waits, such as a rollout watched for
    /// minutes, hold a place: keep it well above the number of such waits at a time).
    public let limit: Int

    public init(limit: Int = 64) {
        precondition(limit > 0, "InFlightWork needs room for at least one piece of work")
        self.limit = limit
    }

    /// Starts `work` now, or as soon as a running piece ends, and keeps it until it ends.
    public func start(_ work: @escaping @Sendable () async -> Void) {
        let startNow = state.withLock { state in
            guard state.running < limit else {
                state.waiting.append(Piece(work))
                return false
            }
            state.running += 1
            return true
        }
        if startNow { launch(Piece(work)) }
    }

    /// Running and waiting pieces of work.
    public var count: Int { state.withLock { $0.count } }

    /// Returns once every started piece of work has ended.
    public func drain() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state in
                if state.count == 0 { return true }
                state.drainWaiters.append(waiter)
                return false
            }
            if idle { waiter.resume() }
        }
    }

    private func launch(_ piece: Piece) {
        Task(executorPreference: BackgroundExecutor.shared) {
            await piece.run()
            self.finished()
        }
    }

    private func finished() {
        let (next, drained) = state.withLock { state -> (Piece?, [CheckedContinuation<Void, Never>]) in
            state.running -= 1
            var next: Piece?
            if state.head < state.waiting.count {
                next = state.waiting[state.head]
                state.head += 1
                state.running += 1
                if state.head == state.waiting.count || state.head >= 4096 {
                    state.waiting.removeFirst(state.head)
                    state.head = 0
                }
            }
            guard state.count == 0 else { return (next, []) }
            defer { state.drainWaiters = [] }
            return (next, state.drainWaiters)
        }
        if let next { launch(next) }
        for waiter in drained { waiter.resume() }
    }
}
