import ChatOpsCore
import Foundation

/// Strict, ASCII-only shapes for slot values. Look-alike Unicode never passes.
enum SlotShapes {
    static func isDigits(_ s: String, max: Int) -> Bool {
        !s.isEmpty && s.utf8.count <= max && s.utf8.allSatisfy(ASCIIName.isDigit)
    }

    /// `v2.3`, `2.3.1`, `v1.4.0-rc.1`, `1.2.3+build.5`: at most four numeric parts.
    static func isVersion(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        var suffix: Substring = ""
        if let cut = rest.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            suffix = rest[rest.index(after: cut)...]
            rest = rest[..<cut]
            guard !suffix.isEmpty, suffix.utf8.count <= 40,
                  suffix.utf8.allSatisfy({ ASCIIName.isLetter($0) || ASCIIName.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        return (1...4).contains(parts.count) && parts.allSatisfy { isDigits(String($0), max: 9) }
    }

    /// A run id, or the run id in a GitHub Actions run URL.
    static func runID(_ s: String) -> String? {
        var text = Substring(s)
        if let r = text.range(of: "/runs/") {
            text = text[r.upperBound...]
            if let end = text.firstIndex(where: { !($0.isASCII && $0.isNumber) }) { text = text[..<end] }
        }
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : String(text)
        return isDigits(digits, max: 20) ? digits : nil
    }

    /// Numbers separated by spaces and/or commas, optionally in brackets.
    static func numberList(_ s: String) -> [Double]? {
        var text = Substring(s)
        if text.first == "[" || text.first == "(" { text = text.dropFirst() }
        if text.last == "]" || text.last == ")" { text = text.dropLast() }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard (1...256).contains(tokens.count) else { return nil }
        var out: [Double] = []
        for token in tokens {
            guard isDecimal(token), let x = Double(token), x.isFinite else { return nil }
            out.append(x)
        }
        return out
    }

    static func isDecimal(_ t: Substring) -> Bool {
        var digits = 0, dots = 0
        for (i, b) in t.utf8.enumerated() {
            if ASCIIName.isDigit(b) { digits += 1 } else if b == UInt8(ascii: ".") { dots += 1 }
            else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) && i == 0 { continue }
            else { return false }
        }
        return digits > 0 && dots <= 1 && t.utf8.count <= 32
    }

    static let shellMetacharacters: Set<Character> = [";", "|", "&", "$", "`", "<", ">", "\\"]

    /// Free text (a reason, a symptom): trimmed, 1–200 characters, no shell metacharacters or controls.
    static func freeText(_ s: String) -> String? {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return nil }
        guard !trimmed.contains(where: { shellMetacharacters.contains($0) }),
              !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return trimmed
    }
}
