/// Stops asking a model that does not answer: after `threshold` calls in a row with no answer
/// (timeouts, 5xx, refused connections) it opens for `cooldown`; then one trial call goes, and its
/// outcome closes or reopens it. Any answer, even a refusal, counts as answering. A pure value:
/// the time is passed in.
struct CircuitBreaker: Sendable {
    enum State: Sendable, Hashable {
        case closed(failures: Int)
        case open(until: ContinuousClock.Instant)
        /// One trial call is out; the others wait for its outcome.
        case trial
    }

    let threshold: Int
    let cooldown: Duration
    private(set) var state = State.closed(failures: 0)

    init(threshold: Int, cooldown: Duration) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
    }

    /// Nil when a call may go now; else whole seconds until the next trial (at least 1).
    func wait(at now: ContinuousClock.Instant) -> Int? {
        switch state {
        case .closed: return nil
        case .open(let until): return now >= until ? nil : max(1, Int((until - now).components.seconds))
        case .trial: return max(1, Int(cooldown.components.seconds))
        }
    }

    /// A call goes (after `wait` said it may): once the cooldown is over, it is the trial.
    mutating func begin(at now: ContinuousClock.Instant) {
        if case .open = state { state = .trial }
    }

    /// The model answered.
    mutating func answered() {
        state = .closed(failures: 0)
    }

    /// No answer. True when this failure opened the breaker.
    mutating func failed(at now: ContinuousClock.Instant) -> Bool {
        switch state {
        case .closed(let failures) where failures + 1 < threshold:
            state = .closed(failures: failures + 1)
            return false
        case .open:
            return false
        case .closed, .trial:
            state = .open(until: now + cooldown)
            return true
        }
    }
}
