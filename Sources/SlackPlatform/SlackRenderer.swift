import ReplyModel

/// `Reply` → Block Kit, within Slack's limits: 3000 characters of section text, 10 fields of
/// 2000 per section, 25 buttons per actions block, 50 blocks per message. Whatever does not fit is
/// cut with a note, never mid-character, mid-entity or mid-code-block.
public enum SlackRenderer {
    public static let sectionTextLimit = 3000
    public static let fieldTextLimit = 2000
    public static let fieldsPerSection = 10
    public static let buttonsPerBlock = 25
    public static let buttonLabelLimit = 75
    public static let maxBlocks = 50
    public static let fallbackTextLimit = 3000

    public static func render(_ reply: Reply) -> SlackMessage {
        var blocks: [SlackBlock] = []
        let prefix = severityPrefix(reply.severity)
        for (index, block) in reply.blocks.enumerated() {
            blocks += render(block, prefix: index == 0 ? prefix : "")
        }
        if !prefix.isEmpty, reply.blocks.first.map(isText) != true {
            blocks.insert(.context([.mrkdwn("\(prefix)\(reply.severity.rawValue)")]), at: 0)
        }
        let fallback = SlackMrkdwn.fitted(prefix + PlainTextRenderer.render(reply), limit: fallbackTextLimit)
        return SlackMessage(text: fallback, blocks: capped(blocks))
    }

    /// An emoji in front of the first line: how the severity shows in a channel and in a notification.
    static func severityPrefix(_ severity: Severity) -> String {
        switch severity {
        case .info: return ""
        case .success: return ":white_check_mark: "
        case .warning: return ":warning: "
        case .failure: return ":x: "
        }
    }

    static func isText(_ block: ReplyBlock) -> Bool {
        if case .text = block { return true }
        return false
    }

    static func render(_ block: ReplyBlock, prefix: String) -> [SlackBlock] {
        switch block {
        case .text(let text):
            guard !text.isEmpty else { return [] }
            return [section(prefix + SlackMrkdwn.fitted(text, limit: sectionTextLimit - prefix.utf16.count))]
        case .fields(let fields):
            return stride(from: 0, to: fields.count, by: fieldsPerSection).map { start in
                let chunk = fields[start..<min(start + fieldsPerSection, fields.count)]
                return .section(text: nil, fields: chunk.map(field))
            }
        case .table(let headers, let rows):
            return SlackCodeBlock.table(lines: TableLayout.lines(headers: headers, rows: rows), limit: sectionTextLimit)
        case .code(let code):
            return SlackCodeBlock.log(code, limit: sectionTextLimit)
        case .evidence(let title, let body):
            return [section("*\(SlackMrkdwn.escape(title))*")] + SlackCodeBlock.log(body, limit: sectionTextLimit)
        case .link(let title, let url):
            return [section(link(title: title, url: url))]
        case .buttons(let buttons):
            return stride(from: 0, to: buttons.count, by: buttonsPerBlock).map { start in
                .actions(buttons[start..<min(start + buttonsPerBlock, buttons.count)].map(button))
            }
        }
    }

    static func section(_ mrkdwn: String) -> SlackBlock { .section(text: .mrkdwn(mrkdwn), fields: nil) }

    static func field(_ field: ReplyField) -> SlackTextObject {
        let label = "*\(SlackMrkdwn.escape(field.label))*\n"
        return .mrkdwn(label + SlackMrkdwn.fitted(field.value, limit: max(0, fieldTextLimit - label.utf16.count)))
    }

    /// `<url|title>`; a `|` or `>` in the URL would end the link early, so they are percent-encoded.
    static func link(title: String, url: String) -> String {
        let safeURL = SlackMrkdwn.escape(url.replacingOccurrences(of: "|", with: "%7C").replacingOccurrences(of: ">", with: "%3E"))
        let safeTitle = SlackMrkdwn.fitted(title.replacingOccurrences(of: "|", with: "¦"),
                                           limit: max(1, sectionTextLimit - safeURL.utf16.count - 3))
        return "<\(safeURL)|\(safeTitle)>"
    }

    static func button(_ button: ReplyButton) -> SlackButton {
        SlackButton(text: .plain(TextLimit.keepingStart(button.label, limit: buttonLabelLimit)),
                    action_id: button.action.identifier, value: button.action.identifier, style: button.style.rawValue)
    }

    /// At most 50 blocks: the buttons are always kept (they are what a prompt is for); other blocks
    /// past the limit are replaced by one note.
    static func capped(_ blocks: [SlackBlock]) -> [SlackBlock] {
        guard blocks.count > maxBlocks else { return blocks }
        let actions = blocks.filter(\.isActions).prefix(maxBlocks - 1)
        let room = maxBlocks - actions.count - 1
        let others = blocks.filter { !$0.isActions }
        return Array(others.prefix(room))
            + [.context([.mrkdwn("_(\(others.count - room) more parts of this message were cut)_")])]
            + actions
    }
}
