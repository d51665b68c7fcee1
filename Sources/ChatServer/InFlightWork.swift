/// Work started after a platform was already answered (Slack's 3 seconds, Discord's deferral):
/// tracked so a graceful shutdown waits for it instead of dropping it. It runs on the
/// `BackgroundExecutor`, below the acknowledgements in CPU priority, and at most `limit` pieces
/// at once: under a flood the rest wait their turn in order (held, never dropped), so the work
/// in progress — and what it asks of the store and the APIs — stays bounded.
public actor InFlightWork {
    private var running = 0
    private var waiting: [@Sendable () async -> Void] = []
    private var head = 0
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    /// The most pieces of work running at once (long waits, such as a rollout watched for
    /// minutes, hold a place: keep it well above the number of such waits at a time).
    public let limit: Int

    public init(limit: Int = 64) {
        precondition(limit > 0, "InFlightWork needs room for at least one piece of work")
        self.limit = limit
    }

    /// Starts `work` now, or as soon as a running piece ends, and keeps it until it ends.
    public func start(_ work: @escaping @Sendable () async -> Void) {
        if running < limit {
            launch(work)
        } else {
            waiting.append(work)
        }
    }

    /// Running and waiting pieces of work.
    public var count: Int { running + waiting.count - head }

    /// Returns once every started piece of work has ended.
    public func drain() async {
        if count == 0 { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }

    private func launch(_ work: @escaping @Sendable () async -> Void) {
        running += 1
        Task(executorPreference: BackgroundExecutor.shared) {
            await work()
            await self.finished()
        }
    }

    private func finished() {
        running -= 1
        if head < waiting.count {
            let next = waiting[head]
            head += 1
            if head == waiting.count || head >= 4096 {
                waiting.removeFirst(head)
                head = 0
            }
            launch(next)
        }
        if count == 0 {
            for waiter in drainWaiters { waiter.resume() }
            drainWaiters = []
        }
    }
}
