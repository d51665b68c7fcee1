/// The case folding the prefilter works in: ASCII letters to lower case, and the two non-ASCII
/// characters that PCRE2's caseless UTF matching equates with ASCII letters — U+212A KELVIN SIGN
/// (k) and U+017F LATIN SMALL LETTER LONG S (s) — to those letters. Every other byte is itself.
/// Literals hold ASCII only, so a caseless match of a literal in a text is a plain match of the
/// literal in the folded text.
enum LiteralFolding {
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// How many bytes at `i` fold to one ASCII letter, and which, when they are one of the two
    /// non-ASCII characters above.
    @inline(__always)
    static func foldedNonASCII(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (letter: UInt8, length: Int)? {
        let byte = text[i]
        if byte == 0xC5, i + 1 < text.count, text[i + 1] == 0xBF { return (UInt8(ascii: "s"), 2) }
        if byte == 0xE2, i + 2 < text.count, text[i + 1] == 0x84, text[i + 2] == 0xAA { return (UInt8(ascii: "k"), 3) }
        return nil
    }
}
