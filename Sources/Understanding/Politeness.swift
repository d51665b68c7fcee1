/// The courtesy around a command that does not change what it asks.
enum Politeness {
    static let leadingPlease: Set<String> = ["please", "pls", "plz", "kindly"]
    static let questionOpeners: [[String]] = [
        ["can", "you"], ["could", "you"], ["would", "you"], ["will", "you"], ["can", "u"], ["could", "u"],
    ]
    /// Longest first, so "right now" goes whole rather than leaving "right".
    static let courtesyWords: [[String]] = [
        ["please"], ["pls"], ["plz"], ["thanks"], ["thank", "you"], ["thx"], ["ty"], ["thanks", "a", "lot"],
        // Said as courtesy, not as a condition: "restart iris in staging when you get a chance".
        ["when", "you", "get", "a", "chance"], ["when", "you", "can"], ["when", "you", "have", "a", "moment"],
        ["if", "you", "can"], ["if", "possible"],
    ].sorted { $0.count > $1.count }
    /// Words that change nothing a command does but may belong to free text ("deny 2 not now").
    static let urgencyWords: [[String]] = [["asap"], ["now"], ["for", "me"], ["right", "now"], ["real", "quick"], ["quickly"]]
    /// Emoji people end a request with that add nothing to it (👍 🚀 🙏, or Slack's `:rocket:`,
    /// `:+1::skin-tone-3:`). Others (🤔, 😂) may change what is meant, and are left for the rules
    /// to refuse.
    static let courtesyEmoji: Set<String> = ["🚀", "🚢", "🙏", "🙇", "👍", "✅", "🎉", "🙂", "😊", "✨", "💪", "🙌", "👌"]
    static let courtesyShortcodes: Set<String> = ["rocket", "ship", "shipit", "pray", "bow", "+1", "thumbsup", "white_check_mark", "tada",
                                                  "slightly_smiling_face", "smile", "blush", "sparkles", "muscle", "raised_hands",
                                                  "ok_hand"]
    static let trailingWords: [[String]] = (courtesyWords + urgencyWords).sorted { $0.count > $1.count }
    static let trailingPunctuation = "?!.,"

    /// Strips "please", "can you", "could you please"…; returns whether it was a question form.
    static func stripLeading(_ words: inout [String]) -> Bool {
        var question = false
        var changed = true
        while changed, !words.isEmpty {
            changed = false
            let first = words[0].lowercased().trimmingTrailing(",")
            if leadingPlease.contains(first), words.count > 1 {
                words.removeFirst()
                changed = true
                continue
            }
            for opener in questionOpeners where words.count > opener.count {
                let head = words.prefix(opener.count).map { $0.lowercased().trimmingTrailing(",") }
                if head == opener {
                    words.removeFirst(opener.count)
                    question = true
                    changed = true
                    break
                }
            }
        }
        return question
    }

    /// Strips trailing "please", "thanks", "?", "!", "." (repeatedly: "now please!!").
    /// - Returns: whether a question mark was among what it stripped.
    /// With `courtesyOnly`, "now", "asap"… stay: they may be the end of a free-text slot.
    @discardableResult
    static func stripTrailing(_ words: inout [String], courtesyOnly: Bool = false) -> Bool {
        let phrases = courtesyOnly ? courtesyWords : trailingWords
        var question = false
        var changed = true
        while changed, !words.isEmpty {
            changed = false
            let last = words[words.count - 1]
            let trimmed = last.trimmingTrailing(trailingPunctuation)
            if trimmed != last {
                if last.dropFirst(trimmed.count).contains("?") { question = true }
                changed = true
                if trimmed.isEmpty { words.removeLast() } else { words[words.count - 1] = trimmed }
                continue
            }
            if words.count > 1, isCourtesyEmoji(last) {
                words.removeLast()
                changed = true
                continue
            }
            for phrase in phrases where words.count > phrase.count {
                let tail = words.suffix(phrase.count).map { $0.lowercased() }
                if tail == phrase {
                    words.removeLast(phrase.count)
                    changed = true
                    break
                }
            }
        }
        return question
    }

    /// `🚀`, `🙏🙏`, `👍🏽` (a skin tone), `:rocket:`, `:+1::skin-tone-3:`.
    static func isCourtesyEmoji(_ word: String) -> Bool {
        if word.hasPrefix(":"), word.hasSuffix(":") {
            let names = word.split(separator: ":").filter { !$0.hasPrefix("skin-tone-") }
            return !names.isEmpty && names.allSatisfy { courtesyShortcodes.contains(String($0)) }
        }
        let skinTones: ClosedRange<UInt32> = 0x1F3FB...0x1F3FF
        let kept = String(String.UnicodeScalarView(word.unicodeScalars.filter { !skinTones.contains($0.value) }))
        return !kept.isEmpty && kept.allSatisfy { courtesyEmoji.contains(String($0)) }
    }
}
