import Yams

/// The text of one YAML scalar on its line: where it ends, and how to write a tag so YAML reads
/// it back as a string (`1.10` plain is a number to Helm: it is quoted).
enum ScalarText {
    static func replace(in line: String, atColumn column: Int, style: Node.Scalar.Style, with tag: String) -> String {
        let characters = Array(line.unicodeScalars)  // libyaml counts columns in Unicode scalars
        guard column < characters.count else { return line }
        let end: Int
        let written: String
        switch style {
        case .doubleQuoted:
            end = closingQuote(characters, from: column, quote: "\"") + 1
            written = "\"\(tag)\""
        case .singleQuoted:
            end = closingQuote(characters, from: column, quote: "'") + 1
            written = "'\(tag)'"
        default:
            end = plainEnd(characters, from: column)
            written = plainOrQuoted(tag)
        }
        return text(characters[..<column]) + written + text(characters[min(end, characters.count)...])
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func closingQuote(_ characters: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar) -> Int {
        var i = start + 1
        while i < characters.count {
            if quote == "\"", characters[i] == "\\" { i += 2; continue }
            if characters[i] == quote {
                if quote == "'", i + 1 < characters.count, characters[i + 1] == "'" { i += 2; continue }
                return i
            }
            i += 1
        }
        return characters.count - 1
    }

    /// A plain scalar ends at ` #`, at `,`, `}` or `]` in a flow collection, or at the end of the line.
    static func plainEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < characters.count {
            if characters[i] == "#", i > start, characters[i - 1] == " " { break }
            if [",", "}", "]"].contains(characters[i]) { break }
            i += 1
        }
        while i > start, [" ", "\r", "\t"].contains(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The tag plain when YAML reads it back as a string; double-quoted when it would be a
    /// number, a boolean or null.
    static func plainOrQuoted(_ tag: String) -> String {
        let lowered = tag.lowercased()
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let numeric = tag.allSatisfy { $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
            && tag.contains(where: \.isNumber)
        return words.contains(lowered) || numeric ? "\"\(tag)\"" : tag
    }
}
