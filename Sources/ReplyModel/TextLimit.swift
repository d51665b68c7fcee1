/// Cuts text to a platform's limit without ever splitting a character (so never mid-UTF-8 or
/// mid-emoji), measured in UTF-16 code units: what Slack and Discord count, and never fewer than
/// the characters a person sees.
public enum TextLimit {
    /// Keeps the start; when something is cut, ends with `… (N characters cut)`.
    public static func keepingStart(_ text: String, limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        let total = text.count
        var note = cutNote(characters: total)
        let kept = prefix(text, utf16Budget: max(0, limit - note.utf16.count))
        note = cutNote(characters: total - kept.count)
        return prefix(kept, utf16Budget: max(0, limit - note.utf16.count)) + note
    }

    /// The longest prefix of whole characters within `utf16Budget` code units.
    public static func prefix(_ text: String, utf16Budget: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            if used + width > utf16Budget { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    static func cutNote(characters: Int) -> String {
        "… (\(characters) more characters cut)"
    }
}

/// Preformatted text (logs) fitted into a code block: whole lines only, the end kept (the last lines
/// of a log say why it failed), and fence characters inside neutralised so the block always closes.
public enum CodeBlockFitting {
    /// `fence` is what the renderer wraps the code in (its own length is reserved); returns the code
    /// to put between the fences and, when lines were dropped, a note to show after the block.
    public static func fit(_ code: String, limit: Int, fenceOverhead: Int) -> (code: String, note: String?) {
        let safe = neutraliseFences(code)
        let budget = limit - fenceOverhead
        if safe.utf16.count <= budget { return (safe, nil) }
        var lines = safe.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let total = lines.count
        var size = safe.utf16.count
        var dropped = 0
        while lines.count > 1, size > budget {
            size -= lines.removeFirst().utf16.count + 1
            dropped += 1
        }
        var kept = lines.joined(separator: "\n")
        if kept.utf16.count > budget {
            // One enormous line: keep its end, whole characters only.
            let reversed = String(kept.reversed())
            kept = String(TextLimit.prefix(reversed, utf16Budget: max(0, budget - 1)).reversed())
            kept = "…" + kept
        }
        let note = dropped > 0 ? "(the first \(dropped) of \(total) lines were cut)" : "(the line was cut to its end)"
        return (kept, note)
    }

    /// Breaks every run of three backticks with a zero-width space, so text cannot close the fence.
    public static func neutraliseFences(_ code: String) -> String {
        guard code.contains("```") else { return code }
        var out = ""
        var run = 0
        for character in code {
            if character == "`" {
                run += 1
                if run == 3 {
                    out.append("\u{200B}")
                    run = 1
                }
            } else {
                run = 0
            }
            out.append(character)
        }
        return out
    }
}
