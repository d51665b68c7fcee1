/// A message body as Discord's create/edit message endpoints take it (channel messages and
/// interaction webhooks alike). Every key is always present, so an edit replaces the whole
/// message: `components: []` removes the buttons, `embeds: []` the embed.
public struct DiscordMessage: Encodable, Sendable, Hashable {
    public var content: String
    public var embeds: [Embed]
    public var components: [ActionRow]
    /// Always `{"parse": []}`: a reply never pings @everyone, a role or a user.
    public var allowedMentions = AllowedMentions()

    enum CodingKeys: String, CodingKey {
        case content, embeds, components
        case allowedMentions = "allowed_mentions"
    }

    public struct Embed: Encodable, Sendable, Hashable {
        public var description: String?
        public var color: Int
        public var fields: [Field]
    }

    public struct Field: Encodable, Sendable, Hashable {
        public var name: String
        public var value: String
        public var inline: Bool
    }

    /// A row of components (type 1) holding buttons (type 2).
    public struct ActionRow: Encodable, Sendable, Hashable {
        public var type = 1
        public var components: [Button]
    }

    public struct Button: Encodable, Sendable, Hashable {
        public var type = 2
        /// 1 primary, 2 secondary, 3 success, 4 danger.
        public var style: Int
        public var label: String
        public var customID: String

        enum CodingKeys: String, CodingKey {
            case type, style, label
            case customID = "custom_id"
        }
    }

    public struct AllowedMentions: Encodable, Sendable, Hashable {
        public var parse: [String] = []
    }
}

/// Discord's documented size limits (https://discord.com/developers/docs/resources/message).
public enum DiscordLimits {
    public static let content = 2000
    public static let embedDescription = 4096
    public static let embedFields = 25
    public static let fieldName = 256
    public static let fieldValue = 1024
    public static let embedTotal = 6000
    public static let buttonsPerRow = 5
    public static let rows = 5
    public static let buttonLabel = 80
}
