/// Who a message is addressed to, read from its first words.
enum Addressee: Equatable {
    case none, bot
    case someoneElse(String)
}

extension MessageScreen {
    static let greetings: Set<String> = ["hey", "hi", "hello", "ok", "okay", "yo"]

    /// Removes leading addressing (`@chatops`, `chatops:`, `hey chatops,`, `<@U123>`, `/`, `!`, `.`),
    /// repeatedly, so `/chatops deploy …` and `@chatops /deploy …` both work.
    func stripAddress(_ words: inout [String]) -> Addressee {
        var addressee = Addressee.none
        while let first = words.first {
            var word = first
            // `.deploy`, `.lock` (github/branch-deploy's prefix) as `/` and `!`; not "..." or ". ".
            if word.hasPrefix("/") || word.hasPrefix("!") || (word.hasPrefix(".") && word.dropFirst().first?.isLetter == true) {
                word.removeFirst()
                addressee = .bot
                if word.isEmpty { words.removeFirst(); continue }
                words[0] = word
            }
            if let mention = Self.mentionID(word) {
                guard botMentionIDs.contains(mention) else { return .someoneElse(word) }
                words.removeFirst()
                addressee = .bot
                continue
            }
            let lowered = word.lowercased()
            let bare = lowered.trimmingTrailing(":,")
            if lowered.hasPrefix("@") {
                let name = String(bare.dropFirst())
                guard botNames.contains(name) else { return .someoneElse(word) }
                words.removeFirst()
                addressee = .bot
                continue
            }
            if botNames.contains(bare), words.count > 1 {
                words.removeFirst()
                addressee = .bot
                continue
            }
            if Self.greetings.contains(bare), words.count > 2,
               botNames.contains(words[1].lowercased().trimmingTrailing(":,")) || words[1].hasPrefix("@") {
                words.removeFirst()
                continue
            }
            break
        }
        return addressee
    }

    /// The user id in a Slack (`<@U123>`, `<@U123|name>`) or Discord (`<@123>`, `<@!123>`) mention.
    static func mentionID(_ word: String) -> String? {
        let w = word.trimmingTrailing(":,")
        guard w.hasPrefix("<@"), w.hasSuffix(">") else { return nil }
        var id = w.dropFirst(2).dropLast()
        if id.hasPrefix("!") { id = id.dropFirst() }
        if let bar = id.firstIndex(of: "|") { id = id[..<bar] }
        return id.isEmpty ? nil : String(id)
    }
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var s = self[...]
        while let last = s.last, characters.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
