/// Character-level checks: code, control and invisible characters, look-alike letters.
enum CharacterScreen {
    /// Non-ASCII letters that PCRE2's caseless matching folds onto ASCII letters
    /// (ſ→s, K→k, ı/İ→i): they would let a look-alike spelling match a command word.
    static let foldsOntoASCII: Set<UInt32> = [0x017F, 0x212A, 0x0130, 0x0131]

    static func check(_ text: String) -> ScreenRejection? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x60 { return .code }  // backtick: inline code or a code block
            if v < 0x20 {
                if v == 0x0A || v == 0x0D || v == 0x09 { continue }
                return .controlCharacter(v)
            }
            if v < 0x7F { continue }
            if v == 0x7F || (0x80...0x9F).contains(v) { return .controlCharacter(v) }
            switch scalar.properties.generalCategory {
            case .format, .privateUse, .surrogate, .unassigned: return .invisibleCharacter(v)
            default: break
            }
            if foldsOntoASCII.contains(v) { return .lookalikeCharacter(v) }
            // Variation selectors and combining marks can disguise a letter.
            if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return .invisibleCharacter(v) }
        }
        return nil
    }

    /// A word that has both ASCII letters and other letters: "prоd" with a Cyrillic о.
    static func mixesScripts(_ word: String) -> Bool {
        var ascii = false, other = false
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
            if scalar.isASCII { ascii = true } else { other = true }
            if ascii && other { return true }
        }
        return false
    }
}
