/// The Block Kit subset chatops posts: sections (text or fields), context lines and buttons.
/// Field names are Slack's own, so the JSON encodes as the API expects.
public struct SlackMessage: Sendable, Hashable, Encodable {
    /// The fallback shown in notifications and by clients that cannot show blocks.
    public var text: String
    public var blocks: [SlackBlock]
}

public struct SlackTextObject: Sendable, Hashable, Encodable {
    public var type: String
    public var text: String
    public var emoji: Bool?

    static func mrkdwn(_ text: String) -> SlackTextObject { SlackTextObject(type: "mrkdwn", text: text, emoji: nil) }
    static func plain(_ text: String) -> SlackTextObject { SlackTextObject(type: "plain_text", text: text, emoji: true) }
}

public struct SlackButton: Sendable, Hashable, Encodable {
    public var type = "button"
    public var text: SlackTextObject
    public var action_id: String
    public var value: String
    public var style: String?
}

public enum SlackBlock: Sendable, Hashable, Encodable {
    case section(text: SlackTextObject?, fields: [SlackTextObject]?)
    case context([SlackTextObject])
    case actions([SlackButton])

    enum CodingKeys: String, CodingKey {
        case type, text, fields, elements
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .section(let text, let fields):
            try container.encode("section", forKey: .type)
            try container.encodeIfPresent(text, forKey: .text)
            try container.encodeIfPresent(fields, forKey: .fields)
        case .context(let elements):
            try container.encode("context", forKey: .type)
            try container.encode(elements, forKey: .elements)
        case .actions(let buttons):
            try container.encode("actions", forKey: .type)
            try container.encode(buttons, forKey: .elements)
        }
    }

    var isActions: Bool {
        if case .actions = self { return true }
        return false
    }
}
