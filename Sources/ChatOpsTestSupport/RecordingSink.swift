import Approvals
import ChatOpsCore
import Conversation
import ReplyModel

/// Collects what the bot says, with where it said it.
public actor RecordingSink: ReplySink {
    public private(set) var replies: [(text: String, origin: MessageOrigin)] = []
    public private(set) var updates: [(posted: MessageOrigin, reply: Reply)] = []
    private var posted = 0

    public init() {}

    /// Every reply is "posted" as message `m1`, `m2`… in the origin's channel.
    public func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        replies.append((PlainTextRenderer.render(reply), origin))
        posted += 1
        return MessageOrigin(platform: origin.platform, channel: origin.channel, thread: origin.thread, messageID: "m\(posted)")
    }

    public func update(_ posted: MessageOrigin, with reply: Reply) async {
        updates.append((posted, reply))
    }

    public var texts: [String] { replies.map(\.text) }

    public func clear() { replies.removeAll() }
}
