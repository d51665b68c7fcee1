/// The bot's own budget of model calls: a token bucket per minute and one per day, so a burst of
/// messages cannot spend the provider's free tier (or the bill) in one go. A pure value: the time
/// is passed in.
struct RequestBudget: Sendable {
    struct Bucket: Sendable {
        let capacity: Double
        /// Tokens back per second.
        let rate: Double
        var tokens: Double
        var updated: ContinuousClock.Instant

        init(capacity: Int, per window: Duration, at now: ContinuousClock.Instant) {
            self.capacity = Double(capacity)
            self.rate = Double(capacity) / Double(window.components.seconds)
            self.tokens = Double(capacity)
            self.updated = now
        }

        mutating func refill(at now: ContinuousClock.Instant) {
            let elapsed = now - updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(capacity, tokens + max(0, seconds) * rate)
            updated = now
        }

        /// Whole seconds until a token is back (at least 1).
        var secondsToNext: Int { max(1, Int(((1 - tokens) / rate).rounded(.up))) }
    }

    var minute: Bucket
    var day: Bucket

    init(perMinute: Int, perDay: Int, at now: ContinuousClock.Instant) {
        minute = Bucket(capacity: perMinute, per: .seconds(60), at: now)
        day = Bucket(capacity: perDay, per: .seconds(86_400), at: now)
    }

    /// Takes one call from both buckets, or says which is empty and for how long (nothing taken).
    mutating func take(at now: ContinuousClock.Instant) -> ModelError? {
        minute.refill(at: now)
        day.refill(at: now)
        for (bucket, window) in [(day, "day"), (minute, "minute")] where bucket.tokens < 1 {
            return ModelError(.rateLimited, "the bot's own budget of \(Int(bucket.capacity)) model calls a \(window) is used up "
                              + "(llm.requests_per_\(window)); the next is possible in \(bucket.secondsToNext)s",
                              retryAfterSeconds: bucket.secondsToNext)
        }
        minute.tokens -= 1
        day.tokens -= 1
        return nil
    }
}
