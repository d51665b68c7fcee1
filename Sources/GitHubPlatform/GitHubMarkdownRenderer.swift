import ReplyModel

/// A reply as GitHub-flavoured markdown for an issue or pull-request comment. GitHub has no
/// buttons, so an approval prompt says which comment to write instead. Every text that may come
/// from elsewhere (text, fields, table cells, link titles) is escaped so it cannot mention, link
/// or inject HTML; only the bot's own `.link` blocks to http(s) URLs are links.
public enum GitHubMarkdownRenderer {
    /// GitHub refuses comments over 65536 characters; leave room for the quote and the marker.
    public static let limit = 60_000

    public static func render(_ reply: Reply) -> String {
        var parts: [String] = []
        var used = 0
        for (index, block) in reply.blocks.enumerated() {
            var part = render(block, budget: limit - used)
            if index == 0, let mark = mark(reply.severity) { part = mark + " " + part }
            if used + part.utf16.count + 2 > limit {
                parts.append("_(\(reply.blocks.count - index) more parts cut: the reply was too long for a comment)_")
                break
            }
            parts.append(part)
            used += part.utf16.count + 2
        }
        return parts.joined(separator: "\n\n")
    }

    static func mark(_ severity: Severity) -> String? {
        switch severity {
        case .info: return nil
        case .success: return "✅"
        case .warning: return "⚠️"
        case .failure: return "❌"
        }
    }

    static func render(_ block: ReplyBlock, budget: Int) -> String {
        switch block {
        case .text(let text):
            return GitHubMarkdownEscaping.escape(TextLimit.keepingStart(text, limit: min(budget, 20_000)))
        case .fields(let fields):
            return fields.map { "**\(inline($0.label)):** \(inline($0.value))" }.joined(separator: "  \n")
        case .table(let headers, let rows):
            let header = "| " + headers.map(cell).joined(separator: " | ") + " |"
            let rule = "|" + String(repeating: " --- |", count: headers.count)
            return ([header, rule] + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
        case .code(let code):
            let (fitted, note) = CodeBlockFitting.fit(code, limit: min(budget - 80, 50_000), fenceOverhead: 8)
            return "```\n\(fitted)\n```" + (note.map { "\n_\($0)_" } ?? "")
        case .link(let title, let url):
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return inline(title) + ": " + inline(url) }
            let text = inline(title).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            return "[\(text)](\(destination(url)))"
        case .buttons(let buttons):
            return "Reply " + buttons.map { "`/\($0.action.typedForm)`" }.joined(separator: " or ") + " in a comment."
        case .evidence(let title, let body):
            let (fitted, note) = CodeBlockFitting.fit(body, limit: min(budget - 120, 50_000), fenceOverhead: 8)
            return "<details><summary>\(inline(title))</summary>\n\n```\n\(fitted)\n```\n"
                + (note.map { "_\($0)_\n" } ?? "") + "</details>"
        }
    }

    /// A value on one line (fields are label/value pairs), escaped.
    static func inline(_ text: String) -> String {
        GitHubMarkdownEscaping.escape(text.replacingOccurrences(of: "\n", with: " "))
    }

    /// A link target that stays one: no space, parenthesis or angle bracket ends it early.
    static func destination(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
            .replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: "<", with: "%3C")
            .replacingOccurrences(of: ">", with: "%3E")
    }

    /// A table cell: no line breaks, pipes escaped.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
