import ChatOpsCore

/// The shape of names in the catalog.
enum NamePattern {
    /// Lower-case ASCII letters, digits and dashes, starting with a letter.
    static func isIdentifier(_ s: String, maxLength: Int = 63) -> Bool {
        ASCIIName.isIdentifier(s, maxLength: maxLength, lowercaseOnly: true)
    }

    /// A Kubernetes namespace or label value: a DNS label.
    static func isDNSLabel(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 63, s.first != "-", s.last != "-" else { return false }
        return s.utf8.allSatisfy { ASCIIName.isLowercaseLetter($0) || ASCIIName.isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
