import Foundation

/// Finds the commands in a comment: lines that start with the configured prefix (`@chatops`), or
/// with `/` and a verb this bot knows, outside code fences and quotes. Everything else is
/// conversation, or another bot's command, and is ignored without a word.
struct CommentCommands: Sendable {
    /// `@chatops` by default (`platforms.github.command_prefix`).
    let prefix: String
    /// Lowercased verbs a `/` line may start with (`CommandVerbs.known`).
    var verbs: Set<String> = CommandVerbs.known
    /// A comment is one delivery; a handful of commands in it is plenty.
    static let maximum = 5

    /// The command texts without their marker: `/approve 42` → `approve 42`.
    func commands(in body: String) -> [String] {
        var found: [String] = []
        var inFence = false
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            guard !inFence, let command = command(in: line) else { continue }
            found.append(command)
            if found.count == Self.maximum { break }
        }
        return found
    }

    func command(in line: String) -> String? {
        if line.hasPrefix("/") {
            let rest = line.dropFirst()
            // `/deploy …`, not `// comment`, `/ path` or `/tmp/x`.
            let word = rest.prefix { !$0.isWhitespace }
            guard let first = word.first, first.isASCII, first.isLetter,
                  word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
            // `/lgtm`, `/hold`, `/assign @x`: another bot's command, not ours to answer.
            guard verbs.contains(word.lowercased()) else { return nil }
            return String(rest).trimmingCharacters(in: .whitespaces)
        }
        guard !prefix.isEmpty, line.lowercased().hasPrefix(prefix.lowercased()) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let next = rest.first, next.isWhitespace || next == ":" || next == "," else { return nil }
        let text = rest.drop { $0.isWhitespace || $0 == ":" || $0 == "," }
        return text.isEmpty ? nil : String(text).trimmingCharacters(in: .whitespaces)
    }
}
