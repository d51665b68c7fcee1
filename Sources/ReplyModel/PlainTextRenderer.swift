/// The console's rendering, also what a delivery record keeps: plain lines, markdown left as typed.
public enum PlainTextRenderer {
    public static func render(_ reply: Reply) -> String {
        reply.blocks.map(render).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func render(_ block: ReplyBlock) -> String {
        switch block {
        case .text(let text):
            return text
        case .fields(let fields):
            return fields.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
        case .table(let headers, let rows):
            return TableLayout.lines(headers: headers, rows: rows).joined(separator: "\n")
        case .code(let code):
            return code
        case .link(let title, let url):
            return "\(title): \(url)"
        case .buttons(let buttons):
            return "Reply " + buttons.map { "`\($0.action.typedForm)`" }.joined(separator: " or ") + "."
        case .evidence(let title, let body):
            return "\(title):\n" + body
        }
    }
}

/// Columns padded to their widest cell: how a table reads in monospace (console, code blocks).
public enum TableLayout {
    public static func lines(headers: [String], rows: [[String]]) -> [String] {
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 0, count: columns)
        for row in [headers] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return ([headers] + rows).map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
