import Approvals
import ChatOpsCore
import ReplyModel
import Synchronization

/// Every platform's reply sink, by platform name: a reply goes to the platform its origin is on,
/// whichever platform the message that caused it came from. A GitHub request approved with a
/// Slack button reports "Running…" and its result in the GitHub thread, not in Slack.
public final class ReplyRouter: ReplySink, Sendable {
    private let sinks = Mutex<[String: any ReplySink]>([:])
    private let starters = Mutex<[String: any ThreadStarter]>([:])

    public init() {}

    /// Makes `starter` the way to open threads on `platform` (the first registration wins).
    public func register(_ platform: String, starter: any ThreadStarter) {
        starters.withLock { if $0[platform] == nil { $0[platform] = starter } }
    }

    /// The platform's thread starter, when it has one.
    public func starter(for platform: String) -> (any ThreadStarter)? {
        starters.withLock { $0[platform] }
    }

    /// Makes `sink` the way to `platform`'s threads (the first registration wins).
    public func register(_ platform: String, _ sink: any ReplySink) {
        sinks.withLock { if $0[platform] == nil { $0[platform] = sink } }
    }

    public var platforms: Set<String> { sinks.withLock { Set($0.keys) } }

    func sink(for platform: String) -> (any ReplySink)? {
        sinks.withLock { $0[platform] }
    }

    public func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        await sink(for: origin.platform)?.send(reply, to: origin)
    }

    public func update(_ posted: MessageOrigin, with reply: Reply) async {
        await sink(for: posted.platform)?.update(posted, with: reply)
    }

    /// The sink an adapter hands the bot: replies to its own platform go through `local` (which
    /// may know more, such as a GitHub command to quote), replies to any other platform's thread
    /// through the router.
    public func sink(preferring local: any ReplySink, for platform: String) -> any ReplySink {
        RoutedReplySink(local: local, platform: platform, router: self)
    }
}

struct RoutedReplySink: ReplySink {
    let local: any ReplySink
    let platform: String
    let router: ReplyRouter

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        if origin.platform == platform { return await local.send(reply, to: origin) }
        return await router.send(reply, to: origin)
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        if posted.platform == platform { return await local.update(posted, with: reply) }
        await router.update(posted, with: reply)
    }
}
