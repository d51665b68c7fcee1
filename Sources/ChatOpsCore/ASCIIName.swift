/// ASCII-only character tests for names and slot values: look-alike Unicode never passes.
public enum ASCIIName {
    public static func isLetter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) }
    public static func isLowercaseLetter(_ b: UInt8) -> Bool { (97...122).contains(b) }
    public static func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }

    /// Letters, digits and dashes, starting with a letter, at most `maxLength` bytes.
    /// With `lowercaseOnly`, upper-case letters are refused (catalog names in the configuration).
    public static func isIdentifier(_ s: String, maxLength: Int = 63, lowercaseOnly: Bool = false) -> Bool {
        let letter = lowercaseOnly ? isLowercaseLetter : isLetter
        guard let first = s.utf8.first, letter(first), s.utf8.count <= maxLength else { return false }
        return s.utf8.allSatisfy { letter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
