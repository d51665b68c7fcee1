import ChatOpsConfig
import Foundation

/// How many commands one person and one channel may send in a window. Past the limit a message
/// is not acted on; the sender hears so once per window, so the bot cannot be turned into a
/// megaphone by flooding it. In memory: a restart forgives.
public actor CommandRateLimiter {
    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Over the limit. `tell` is true the first time in this window (say so), false after.
        case limited(scope: String, retryAfter: TimeInterval, tell: Bool)
    }

    let perUser: RateLimitSetting?
    let perChannel: RateLimitSetting?
    /// Keys seen at most, so a flood of distinct senders cannot grow memory without bound.
    let maxKeys: Int
    private var events: [String: [Date]] = [:]
    private var told: [String: Date] = [:]

    public init(perUser: RateLimitSetting?, perChannel: RateLimitSetting?, maxKeys: Int = 10_000) {
        self.perUser = perUser.flatMap { $0.isUnlimited ? nil : $0 }
        self.perChannel = perChannel.flatMap { $0.isUnlimited ? nil : $0 }
        self.maxKeys = maxKeys
    }

    /// From `limits.per_user` and `limits.per_channel`.
    public init(settings: Settings) {
        self.init(perUser: settings.rate(.rateLimitPerUser), perChannel: settings.rate(.rateLimitPerChannel))
    }

    public static var unlimited: CommandRateLimiter { CommandRateLimiter(perUser: nil, perChannel: nil) }

    /// Counts one command from `user` in `channel` at `now`, unless a limit is already reached.
    public func admit(user: String, channel: String, at now: Date) -> Verdict {
        let checks = [(perUser, "user " + user, "you"), (perChannel, "channel " + channel, "this channel")]
        for case let (limit?, key, scope) in checks {
            let window = TimeInterval(limit.window.components.seconds)
            let recent = (events[key] ?? []).filter { now.timeIntervalSince($0) < window }
            events[key] = recent
            guard recent.count >= limit.count else { continue }
            let retryAfter = window - now.timeIntervalSince(recent[0])
            let alreadyTold = told[key].map { now.timeIntervalSince($0) < window } ?? false
            if !alreadyTold { told[key] = now }
            return .limited(scope: "\(scope): at most \(limit.count) commands per \(Self.words(window))",
                            retryAfter: retryAfter, tell: !alreadyTold)
        }
        for case let (limit?, key, _) in checks where limit.count > 0 {
            events[key, default: []].append(now)
        }
        if events.count > maxKeys { forgetOldest(now: now) }
        return .allowed
    }

    private func forgetOldest(now: Date) {
        let longest = TimeInterval(max(perUser?.window.components.seconds ?? 0, perChannel?.window.components.seconds ?? 0))
        events = events.filter { _, times in times.last.map { now.timeIntervalSince($0) < longest } ?? false }
        told = told.filter { now.timeIntervalSince($0.value) < longest }
        while events.count > maxKeys, let key = events.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })?.key {
            events[key] = nil
        }
    }

    static func words(_ seconds: TimeInterval) -> String {
        let s = Int(seconds)
        if s % 3600 == 0 { return s == 3600 ? "hour" : "\(s / 3600) hours" }
        if s % 60 == 0 { return s == 60 ? "minute" : "\(s / 60) minutes" }
        return "\(s) seconds"
    }
}
