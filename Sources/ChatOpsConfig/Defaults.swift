/// What fills slots a message leaves out: globally and per channel.
public struct Defaults: Sendable, Hashable {
    public let app: String?
    public let env: String?
    /// Keyed by channel: a Slack or Discord channel id, or `owner/repo` for GitHub.
    public let channels: [String: ChannelDefaults]

    public init(app: String? = nil, env: String? = nil, channels: [String: ChannelDefaults] = [:]) {
        self.app = app
        self.env = env
        self.channels = channels
    }

    /// The default app for a channel: the channel's own, else the global one.
    public func app(forChannel channel: String?) -> String? {
        channel.flatMap { channels[$0]?.app } ?? app
    }

    public func env(forChannel channel: String?) -> String? {
        channel.flatMap { channels[$0]?.env } ?? env
    }
}

public struct ChannelDefaults: Sendable, Hashable {
    public let app: String?
    public let env: String?

    public init(app: String? = nil, env: String? = nil) {
        self.app = app
        self.env = env
    }
}
