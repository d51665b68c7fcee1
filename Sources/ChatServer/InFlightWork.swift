/// Work started after a platform was already answered (Slack's 3 seconds, Discord's deferral):
/// tracked so a graceful shutdown waits for it instead of dropping it. It runs on the
/// `BackgroundExecutor`, below the acknowledgements in CPU priority.
public actor InFlightWork {
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextID = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Starts `work` and keeps it until it ends.
    public func start(_ work: @escaping @Sendable () async -> Void) {
        let id = nextID
        nextID += 1
        tasks[id] = Task(executorPreference: BackgroundExecutor.shared) {
            await work()
            await self.finished(id)
        }
    }

    public var count: Int { tasks.count }

    /// Returns once every started piece of work has ended.
    public func drain() async {
        if tasks.isEmpty { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func finished(_ id: Int) {
        tasks[id] = nil
        if tasks.isEmpty {
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }
}
