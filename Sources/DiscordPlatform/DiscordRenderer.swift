import ReplyModel

/// Renders the neutral `Reply` as a Discord message: a short plain reply as `content`; anything
/// else as one embed coloured by severity (text, tables and logs in its description, label/value
/// pairs as fields) with the buttons as an action row. Every limit is kept, and whatever is cut
/// says so.
public enum DiscordRenderer {
    public static func render(_ reply: Reply) -> DiscordMessage {
        let components = actionRows(reply.buttons)
        if let content = plainContent(reply) {
            return DiscordMessage(content: content, embeds: [], components: components)
        }
        let embed = embed(reply)
        guard embed.description != nil || !embed.fields.isEmpty else {
            // Discord refuses an empty embed: a reply of buttons alone says how to answer in words.
            let text = TextLimit.keepingStart(DiscordMarkdown.escape(PlainTextRenderer.render(reply)), limit: DiscordLimits.content)
            return DiscordMessage(content: text, embeds: [], components: components)
        }
        return DiscordMessage(content: "", embeds: [embed], components: components)
    }

    /// Info replies of text and links that fit in `content` stay plain messages.
    static func plainContent(_ reply: Reply) -> String? {
        guard reply.severity == .info else { return nil }
        var paragraphs: [String] = []
        for block in reply.blocks {
            switch block {
            case .text(let text): paragraphs.append(DiscordMarkdown.escape(text))
            case .link(let title, let url): paragraphs.append("\(DiscordMarkdown.escape(title)): <\(url)>")
            case .buttons: continue
            case .fields, .table, .code, .evidence: return nil
            }
        }
        let content = paragraphs.joined(separator: "\n")
        return content.isEmpty || content.utf16.count > DiscordLimits.content ? nil : content
    }

    static func embed(_ reply: Reply) -> DiscordMessage.Embed {
        let (fields, hiddenFields) = embedFields(reply.blocks)
        var parts = descriptionParts(reply.blocks)
        if hiddenFields > 0 { parts.append(.prose("(\(hiddenFields) more fields not shown)")) }
        let fieldSize = fields.reduce(0) { $0 + $1.name.utf16.count + $1.value.utf16.count }
        let budget = min(DiscordLimits.embedDescription, DiscordLimits.embedTotal - fieldSize)
        let description = DescriptionLayout.fit(parts, limit: budget)
        return DiscordMessage.Embed(description: description.isEmpty ? nil : description,
                                    color: color(reply.severity), fields: fields)
    }

    /// Fields as the embed shows them: at most 25, each within its limits, and together small
    /// enough to leave the description room (the rest are counted, not dropped silently).
    static let fieldBudget = 2000

    static func embedFields(_ blocks: [ReplyBlock]) -> (fields: [DiscordMessage.Field], hidden: Int) {
        let all = blocks.flatMap { block -> [ReplyField] in
            if case .fields(let fields) = block { return fields }
            return []
        }
        var fields: [DiscordMessage.Field] = []
        var used = 0
        for field in all {
            let name = TextLimit.keepingStart(nonEmpty(DiscordMarkdown.escape(field.label)), limit: DiscordLimits.fieldName)
            let value = TextLimit.keepingStart(nonEmpty(DiscordMarkdown.escape(field.value)), limit: DiscordLimits.fieldValue)
            let size = name.utf16.count + value.utf16.count
            guard fields.count < DiscordLimits.embedFields, used + size <= fieldBudget else { break }
            used += size
            fields.append(DiscordMessage.Field(name: name, value: value, inline: true))
        }
        return (fields, all.count - fields.count)
    }

    /// Discord refuses an empty field name or value.
    static func nonEmpty(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "-" : text
    }

    static func descriptionParts(_ blocks: [ReplyBlock]) -> [DescriptionLayout.Part] {
        blocks.compactMap { block in
            switch block {
            case .text(let text): return .prose(DiscordMarkdown.escape(text))
            case .link(let title, let url): return .prose("[\(DiscordMarkdown.escape(title))](\(url))")
            case .code(let code): return .code(code)
            case .evidence(let title, let body): return .code(title + ":\n" + body)
            case .table(let headers, let rows): return .code(TableLayout.lines(headers: headers, rows: rows).joined(separator: "\n"))
            case .fields, .buttons: return nil
            }
        }
    }

    static func color(_ severity: Severity) -> Int {
        switch severity {
        case .info: return 0x3498DB
        case .success: return 0x2ECC71
        case .warning: return 0xF1C40F
        case .failure: return 0xE74C3C
        }
    }

    /// Buttons in rows of five (at most five rows): approve green (3), deny red (4).
    static func actionRows(_ buttons: [ReplyButton]) -> [DiscordMessage.ActionRow] {
        let shown = buttons.prefix(DiscordLimits.buttonsPerRow * DiscordLimits.rows).map { button in
            DiscordMessage.Button(style: button.style == .primary ? 3 : 4,
                                  label: TextLimit.keepingStart(button.label, limit: DiscordLimits.buttonLabel),
                                  customID: button.action.identifier)
        }
        return stride(from: 0, to: shown.count, by: DiscordLimits.buttonsPerRow).map { start in
            DiscordMessage.ActionRow(components: Array(shown[start..<min(start + DiscordLimits.buttonsPerRow, shown.count)]))
        }
    }
}
