/// A message reduced to the command it may hold: addressing, politeness and trailing
/// punctuation removed, whitespace folded. Rule patterns must match `body` whole.
public struct ScreenedText: Sendable, Hashable {
    public let body: String
    /// The message named the bot (`@chatops`, `chatops:`, a leading `/` or `!`), or the platform
    /// already knows it was meant for the bot (slash command, direct message).
    public let isAddressed: Bool
    /// It was phrased as a question to someone ("can you …", "could you …").
    public let isPoliteQuestion: Bool
    /// It ended with "?": fine for a question to the bot ("how is iris doing?"), but a mutation
    /// asked that way without addressing the bot is a question to people ("deploy v2.4 to prod?").
    public let endsWithQuestionMark: Bool
    /// The body with only courtesy stripped from its end ("please", "thanks"), not "now" or
    /// "asap": what a free-text slot (a deny reason, a freeze reason) is read from, so that
    /// "deny 2 not now" keeps the reason "not now".
    public let freeTextBody: String

    public init(body: String, isAddressed: Bool, isPoliteQuestion: Bool, endsWithQuestionMark: Bool, freeTextBody: String? = nil) {
        self.body = body
        self.isAddressed = isAddressed
        self.isPoliteQuestion = isPoliteQuestion
        self.endsWithQuestionMark = endsWithQuestionMark
        self.freeTextBody = freeTextBody ?? body
    }
}

/// Why a message is not looked at as a command at all. Each says what to do instead.
public enum ScreenRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooLong(bytes: Int, limit: Int)
    case code
    case quoted
    case severalLines
    case invisibleCharacter(UInt32)
    case controlCharacter(UInt32)
    case lookalikeCharacter(UInt32)
    case mixedScriptWord(String)
    case addressedToSomeoneElse(String)

    public var description: String {
        switch self {
        case .empty: return "the message is empty"
        case let .tooLong(bytes, limit):
            return "the message is \(bytes) bytes; a command is at most \(limit): send just the command"
        case .code: return "text in code (`…` or ```…```) is never run: send the command as plain text"
        case .quoted: return "quoted lines (> …) are never run: send the command on its own"
        case .severalLines: return "one command per message: send each command as its own message"
        case .invisibleCharacter(let v): return "the message holds an invisible character (U+\(Self.hex(v))): retype it"
        case .controlCharacter(let v): return "the message holds a control character (U+\(Self.hex(v))): retype it"
        case .lookalikeCharacter(let v):
            return "the message holds U+\(Self.hex(v)), which looks like a Latin letter: retype it in plain ASCII"
        case .mixedScriptWord(let w): return "'\(w)' mixes Latin and other letters that look alike: retype it in plain ASCII"
        case .addressedToSomeoneElse(let who): return "the message is addressed to \(who), not to the bot"
        }
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
