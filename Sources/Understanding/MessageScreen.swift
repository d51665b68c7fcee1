import Foundation

/// Decides whether a message can hold a command at all, and reduces it to that command.
/// Precision first: code, quotes, several lines, invisible or look-alike characters, or a
/// message addressed to someone else never reach the rules.
public struct MessageScreen: Sendable {
    public let botNames: [String]
    /// Platform user ids that mean the bot in `<@ID>` mentions (filled by the chat adapters).
    public let botMentionIDs: Set<String>
    public let maxBytes: Int

    public init(botNames: [String] = ["chatops"], botMentionIDs: Set<String> = [], maxBytes: Int = 500) {
        self.botNames = botNames.map { $0.lowercased() }
        self.botMentionIDs = botMentionIDs
        self.maxBytes = maxBytes
    }

    public func screen(_ raw: String, addressedByPlatform: Bool = false) -> Result<ScreenedText, ScreenRejection> {
        let text = Self.straightenQuotes(Self.decodeSlackEntities(raw))
        if text.utf8.count > maxBytes { return .failure(.tooLong(bytes: text.utf8.count, limit: maxBytes)) }
        if let rejection = CharacterScreen.check(text) { return .failure(rejection) }
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0.isWhitespace }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix(">") { return .failure(.quoted) }
            lines.append(trimmed)
        }
        guard lines.count <= 1 else { return .failure(.severalLines) }
        guard let line = lines.first else { return .failure(.empty) }
        var words = Self.words(of: line)
        if let word = words.first(where: CharacterScreen.mixesScripts) { return .failure(.mixedScriptWord(word)) }

        var addressed = addressedByPlatform
        switch stripAddress(&words) {
        case .bot: addressed = true
        case .someoneElse(let who): return .failure(.addressedToSomeoneElse(who))
        case .none: break
        }
        let polite = Politeness.stripLeading(&words)
        var keepingMeaning = words
        Politeness.stripTrailing(&keepingMeaning, courtesyOnly: true)
        let questionMark = Politeness.stripTrailing(&words)
        guard !words.isEmpty else { return .failure(.empty) }
        return .success(ScreenedText(body: words.joined(separator: " "), isAddressed: addressed,
                                     isPoliteQuestion: polite, endsWithQuestionMark: questionMark,
                                     freeTextBody: keepingMeaning.joined(separator: " ")))
    }

    /// Splits on any run of whitespace (Unicode spaces included).
    static func words(of line: Substring) -> [String] {
        line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Phones and Slack turn ' and " into curly quotes; commands are written with straight ones.
    static func straightenQuotes(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0x2018...0x201F).contains($0.value) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B: return "'"
            case 0x201C, 0x201D, 0x201E, 0x201F: return "\""
            default: return scalar
            }
        }))
    }

    /// Slack escapes `&`, `<` and `>` in message text.
    static func decodeSlackEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

