/// Recent answers to identical questions, for a short while: the same message understood twice
/// (a retry, an edit that changed nothing, two people asking the same) costs one call. The key is
/// the whole request as sent (task, instructions, prompt, schema, output limit), after redaction.
struct ReplyCache: Sendable {
    let lifetime: Duration
    let capacity: Int
    private var entries: [ModelRequest: (reply: ModelReply, expires: ContinuousClock.Instant)] = [:]

    init(lifetime: Duration, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
    }

    func reply(for request: ModelRequest, at now: ContinuousClock.Instant) -> ModelReply? {
        guard let entry = entries[request], now < entry.expires else { return nil }
        return entry.reply
    }

    mutating func store(_ reply: ModelReply, for request: ModelRequest, at now: ContinuousClock.Instant) {
        entries = entries.filter { now < $0.value.expires }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires })?.key {
            entries[oldest] = nil
        }
        entries[request] = (reply, now + lifetime)
    }
}
