/// The reply model's text is light markdown (`inline code` only): everything else Discord would
/// read as markup is escaped, so a branch called `*feature*` or a reason with `||` shows as typed.
enum DiscordMarkdown {
    /// Escaped anywhere outside inline code.
    static let special: Set<Character> = ["\\", "*", "_", "~", "|", "[", "]", "`"]
    /// Escaped at the start of a line (headings, quotes, lists).
    static let lineStart: Set<Character> = ["#", ">", "-"]

    static func escape(_ text: String) -> String {
        var out = ""
        var inCode = false
        var atLineStart = true
        // An unpaired backtick would not open code on Discord: it is escaped like the rest.
        var pairedBackticks = text.count(where: { $0 == "`" }) / 2 * 2
        for character in text {
            if character == "`" && pairedBackticks > 0 {
                pairedBackticks -= 1
                inCode.toggle()
                out.append(character)
                atLineStart = false
                continue
            }
            if !inCode && (special.contains(character) || (atLineStart && lineStart.contains(character))) {
                out.append("\\")
            }
            out.append(character)
            atLineStart = character == "\n" || (atLineStart && character == " ")
        }
        return out
    }
}
