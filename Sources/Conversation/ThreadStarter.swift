import ChatOpsCore
import ReplyModel

/// Starts a conversation the bot opens itself (an incident's thread): a message at the top of a
/// Slack or Discord channel, or a GitHub issue; edits that first message as things change, and
/// marks the thread done (closes the issue). Each platform that can host incidents provides one.
public protocol ThreadStarter: Sendable {
    /// Posts `opening` as the start of a new thread in `channel`; the thread (its first message's
    /// origin, with the thread id replies go to), or nil when the platform refused.
    func start(_ opening: ThreadOpening, in channel: String) async -> MessageOrigin?
    /// Replaces the first message with `opening`; false when the platform refused.
    func update(_ thread: MessageOrigin, with opening: ThreadOpening) async -> Bool
    /// Marks the thread done (a GitHub issue is closed); false when the platform refused.
    func finish(_ thread: MessageOrigin) async -> Bool
}

/// What opens a thread: its first message, and for platforms whose threads have them (GitHub
/// issues) a title and labels.
public struct ThreadOpening: Sendable, Hashable {
    public var title: String
    public var reply: Reply
    public var labels: [String]

    public init(title: String, reply: Reply, labels: [String] = []) {
        self.title = title
        self.reply = reply
        self.labels = labels
    }
}

/// Threads on a platform whose threads are replies to a channel message (Slack, Discord): the
/// first message is posted and edited through the platform's reply sink; finishing is a no-op.
public struct MessageThreadStarter: ThreadStarter {
    let platform: String
    let sink: any ReplySink

    public init(platform: String, sink: any ReplySink) {
        self.platform = platform
        self.sink = sink
    }

    public func start(_ opening: ThreadOpening, in channel: String) async -> MessageOrigin? {
        await sink.send(opening.reply, to: MessageOrigin(platform: platform, channel: channel))
    }

    public func update(_ thread: MessageOrigin, with opening: ThreadOpening) async -> Bool {
        await sink.update(thread, with: opening.reply)
        return true
    }

    public func finish(_ thread: MessageOrigin) async -> Bool { true }
}
