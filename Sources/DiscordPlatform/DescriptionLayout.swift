import ReplyModel

/// Lays prose and code blocks out in one embed description within its limit: prose keeps its
/// start, each code block is fitted whole-line (its end kept) inside its own fence, and a note
/// follows any block that was cut.
enum DescriptionLayout {
    enum Part: Equatable {
        case prose(String)
        case code(String)
    }

    static let separator = "\n"
    /// "```\n" + "\n```".
    static let fenceOverhead = 8
    /// Room kept after a cut code block for its note.
    static let noteReserve = 64

    static func fit(_ parts: [Part], limit: Int) -> String {
        let separators = max(0, parts.count - 1) * separator.utf16.count
        let available = max(0, limit - separators)
        let proseSize = parts.reduce(0) { if case .prose(let t) = $1 { return $0 + t.utf16.count } else { return $0 } }
        let codeCount = parts.count(where: { if case .code = $0 { return true } else { return false } })
        // Prose may take half the room when code follows (a log's end matters more than a long preamble).
        let proseBudget = codeCount == 0 ? available : min(proseSize, available / 2)
        var proseLeft = proseBudget
        var codeLeft = available - min(proseSize, proseBudget)
        var codesLeft = codeCount
        var rendered: [String] = []
        for part in parts {
            switch part {
            case .prose(let text):
                let kept = text.utf16.count <= proseLeft ? text : TextLimit.keepingStart(text, limit: proseLeft)
                proseLeft -= kept.utf16.count
                if !kept.isEmpty { rendered.append(kept) }
            case .code(let code):
                let share = codeLeft / max(1, codesLeft)
                let block = fence(code, limit: share)
                codeLeft -= block.utf16.count
                codesLeft -= 1
                if !block.isEmpty { rendered.append(block) }
            }
        }
        return rendered.joined(separator: separator)
    }

    /// One fenced block within `limit` (its note included), or nothing when even a line cannot fit.
    static func fence(_ code: String, limit: Int) -> String {
        let whole = CodeBlockFitting.fit(code, limit: limit, fenceOverhead: fenceOverhead)
        if whole.note == nil { return "```\n\(whole.code)\n```" }
        guard limit > fenceOverhead + noteReserve else { return "" }
        let cut = CodeBlockFitting.fit(code, limit: limit - noteReserve, fenceOverhead: fenceOverhead)
        return "```\n\(cut.code)\n```" + (cut.note.map { "\n" + $0 } ?? "")
    }
}
