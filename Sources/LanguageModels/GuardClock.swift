/// The guard's time: now, and a wait. Budgets, the breaker, the cache and a provider's "wait 26s"
/// all read it, so tests move it by hand instead of sleeping.
public struct GuardClock: Sendable {
    /// The time now.
    public var now: @Sendable () -> ContinuousClock.Instant
    /// Waits `duration` (a provider's short "retry in 2s").
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> ContinuousClock.Instant, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The real clock.
    public static let continuous = GuardClock(now: { ContinuousClock.now }, sleep: { try await Task.sleep(for: $0) })
}
