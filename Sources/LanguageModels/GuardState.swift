/// What the guard remembers between calls, as one value that says what to do: answer from the
/// cache, refuse (budget, a provider's pause, the open breaker), or call. `GuardedModel` holds it
/// under a lock and does the I/O around it.
struct GuardState: Sendable {
    enum Admission: Sendable {
        case answer(ModelReply)
        case refuse(ModelError)
        case call
    }

    let limits: GuardLimits
    /// The model's description, for the words.
    let model: String
    var budget: RequestBudget
    var breaker: CircuitBreaker
    var cache: ReplyCache
    /// Until when the provider asked to be left alone (its 429).
    var pausedUntil: ContinuousClock.Instant?
    /// No usable model since the last answer (nil: none), and whether someone has been told.
    var outageAnnounced: Bool?

    init(limits: GuardLimits, model: String, at now: ContinuousClock.Instant) {
        self.limits = limits
        self.model = model
        budget = RequestBudget(perMinute: limits.requestsPerMinute, perDay: limits.requestsPerDay, at: now)
        breaker = CircuitBreaker(threshold: limits.breakerThreshold, cooldown: limits.breakerCooldown)
        cache = ReplyCache(lifetime: limits.cacheLifetime, capacity: limits.cacheCapacity)
    }

    /// Whether `request` (already redacted and capped) may go to the model now.
    mutating func admit(_ request: ModelRequest, at now: ContinuousClock.Instant) -> Admission {
        if limits.cachedTasks.contains(request.task), let cached = cache.reply(for: request, at: now) { return .answer(cached) }
        if let until = pausedUntil, now < until {
            let seconds = max(1, Int((until - now).components.seconds))
            return refuse(ModelError(.rateLimited, "\(model) asked the bot to slow down (429); the next call goes in \(seconds)s",
                                     retryAfterSeconds: seconds))
        }
        if let seconds = breaker.wait(at: now) {
            return refuse(ModelError(.unavailable, "the model is not answering; the bot carries on with rules alone "
                                     + "(the next try in \(seconds)s)", retryAfterSeconds: seconds))
        }
        if let spent = budget.take(at: now) { return refuse(spent) }
        breaker.begin(at: now)
        return .call
    }

    /// Learns from a call's outcome; the error to throw may say more than the provider's (that
    /// the breaker has just opened).
    mutating func record(_ outcome: Result<ModelReply, ModelError>, for request: ModelRequest,
                         at now: ContinuousClock.Instant) -> Result<ModelReply, ModelError> {
        switch outcome {
        case .success(let reply):
            breaker.answered()
            pausedUntil = nil
            outageAnnounced = nil
            if limits.cachedTasks.contains(request.task) { cache.store(reply, for: request, at: now) }
            return outcome
        case .failure(let error):
            switch error.kind {
            case .unavailable:
                beginOutage()
                guard breaker.failed(at: now) else { return outcome }
                return .failure(ModelError(.unavailable, error.description + "; after \(limits.breakerThreshold) calls in a row with "
                                           + "no answer the model is not asked for \(ModelTransport.seconds(limits.breakerCooldown)): "
                                           + "the bot carries on with rules alone", retryAfterSeconds: error.retryAfterSeconds))
            case .rateLimited:
                breaker.answered()
                beginOutage()
                let pause = error.retryAfterSeconds.map { Duration.seconds($0) } ?? limits.pauseWithoutRetryDelay
                pausedUntil = now + pause
            case .refused, .malformed:
                breaker.answered()
            }
            return outcome
        }
    }

    /// True once per outage: the first time it is asked after the model stopped being usable.
    mutating func announceOutage() -> Bool {
        guard outageAnnounced == false else { return false }
        outageAnnounced = true
        return true
    }

    private mutating func refuse(_ error: ModelError) -> Admission {
        beginOutage()
        return .refuse(error)
    }

    private mutating func beginOutage() {
        if outageAnnounced == nil { outageAnnounced = false }
    }
}
