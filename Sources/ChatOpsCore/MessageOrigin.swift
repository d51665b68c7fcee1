/// Where a message came from on a chat platform: enough to find it again and to reply in its thread.
public struct MessageOrigin: Sendable, Hashable, Codable {
    /// `console`, `slack`, `discord` or `github`.
    public var platform: String
    /// Channel id (Slack/Discord), `owner/repo` (GitHub), or `console`.
    public var channel: String?
    /// The thread to reply in: Slack `thread_ts`, GitHub issue number, Discord channel/thread id.
    public var thread: String?
    /// The platform's id for the message itself (Slack `ts`, GitHub comment id, Discord message or interaction id).
    public var messageID: String?

    public init(platform: String, channel: String? = nil, thread: String? = nil, messageID: String? = nil) {
        self.platform = platform
        self.channel = channel
        self.thread = thread
        self.messageID = messageID
    }

    /// `slack C0123 1712345678.000100`: for transition records and audit details.
    public var summary: String {
        ([platform] + [channel, thread, messageID].compactMap { $0 }).joined(separator: " ")
    }
}
