import ReplyModel

/// Preformatted text as a ```-fenced section within the section limit. Escaping `&<>` lengthens
/// the text, so the fit is repeated with a larger reserve until the escaped block fits.
enum SlackCodeBlock {
    static let open = "```\n"
    static let close = "\n```"

    /// A log or plan: the end is kept (it says why something failed), whole lines only.
    static func log(_ code: String, limit: Int) -> [SlackBlock] {
        guard !code.isEmpty else { return [] }
        var overhead = open.utf16.count + close.utf16.count
        while true {
            let (fitted, note) = CodeBlockFitting.fit(code, limit: limit, fenceOverhead: overhead)
            let block = open + SlackMrkdwn.escape(fitted) + close
            if block.utf16.count <= limit || overhead >= limit { return blocks(block, note: note) }
            overhead += block.utf16.count - limit
        }
    }

    /// A table: the header and the first rows are kept, whole lines only.
    static func table(lines: [String], limit: Int) -> [SlackBlock] {
        guard !lines.isEmpty else { return [] }
        let budget = limit - open.utf16.count - close.utf16.count
        var kept: [String] = []
        var size = 0
        for line in lines.map({ SlackMrkdwn.escape(CodeBlockFitting.neutraliseFences($0)) }) {
            let width = line.utf16.count + (kept.isEmpty ? 0 : 1)
            if size + width > budget { break }
            kept.append(line)
            size += width
        }
        if kept.isEmpty {
            kept = [SlackMrkdwn.fitted(CodeBlockFitting.neutraliseFences(lines[0]), limit: budget)]
        }
        let cut = lines.count - kept.count
        let note = cut > 0 ? "(\(cut) of \(lines.count - 1) rows not shown)" : nil
        return blocks(open + kept.joined(separator: "\n") + close, note: note)
    }

    static func blocks(_ fenced: String, note: String?) -> [SlackBlock] {
        var out: [SlackBlock] = [.section(text: .mrkdwn(fenced), fields: nil)]
        if let note { out.append(.context([.mrkdwn("_\(SlackMrkdwn.escape(note))_")])) }
        return out
    }
}
