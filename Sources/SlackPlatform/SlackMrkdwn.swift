import ReplyModel

/// Slack's `mrkdwn` text. Only `&`, `<` and `>` are control characters (they start entities,
/// mentions and links), so those three are escaped and nothing else is touched.
enum SlackMrkdwn {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// What Slack sends us, back to what the person typed (`&lt;` → `<`); `&amp;` last so
    /// `&amp;lt;` stays the literal text `&lt;`.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` escaped and within `limit` UTF-16 units. The raw text is cut (whole characters, with
    /// TextLimit's note) before escaping, so an entity is never cut in half.
    static func fitted(_ text: String, limit: Int) -> String {
        var budget = limit
        var escaped = escape(TextLimit.keepingStart(text, limit: budget))
        while escaped.utf16.count > limit, budget > 0 {
            budget -= escaped.utf16.count - limit
            escaped = escape(TextLimit.keepingStart(text, limit: max(0, budget)))
        }
        return escaped
    }
}
