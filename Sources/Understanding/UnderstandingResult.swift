import ChatOpsCore

/// What the understanding layer made of a text.
public enum UnderstandingResult: Sendable, Hashable {
    case understood(ParsedCommand)
    /// Not a command. `reason` is set when the text looked like one but was refused
    /// (unknown environment, code block, scheduled phrasing…), to tell the user what to fix.
    case notUnderstood(reason: String?)

    public var command: ParsedCommand? {
        if case .understood(let c) = self { return c }
        return nil
    }

    public var reason: String? {
        if case .notUnderstood(let r) = self { return r }
        return nil
    }
}

/// Where a message came from, as far as understanding needs to know.
public struct MessageContext: Sendable, Hashable {
    /// Channel id (Slack/Discord) or `owner/repo` (GitHub): picks per-channel defaults.
    public var channel: String?
    /// The platform already knows the message is for the bot (slash command, direct message).
    public var isAddressedByPlatform: Bool

    public init(channel: String? = nil, isAddressedByPlatform: Bool = false) {
        self.channel = channel
        self.isAddressedByPlatform = isAddressedByPlatform
    }
}
