/// Makes text inert in a GitHub comment: text from people on other platforms and from the systems
/// the bot reads (reasons, pod names, events) must not notify anyone, link anywhere, or inject
/// HTML under the bot's name.
///
/// Each construct is broken by a zero-width space (U+200B) at the one place its syntax needs two
/// characters side by side. A backslash would not do: GitHub finds mentions and bare-URL autolinks
/// after markdown escapes are resolved (github/markup#1168), which is why Dependabot and Renovate
/// put a zero-width space after `@`. It also reads the same inside and outside `inline code`, so
/// the escaping needs no markdown parser that could disagree with GitHub's about where code starts.
///
/// - `@user`, `@org/team`, `a@b.c`: `@` + ZWSP is no mention and no e-mail autolink.
/// - `[x](y)`, `[x][y]`, `[x]: y`: `]` + ZWSP, so no link text is followed by its target.
/// - `http://`, `https://`, `www.`: `:` + ZWSP before `//`, `www` + ZWSP before `.`.
/// - `<tag>`, `<!-- -->`, `<https://x>`: `<` + ZWSP opens no tag, comment or autolink.
/// - `&#64;`: `&` + ZWSP is no entity, so none can spell `@` or `<` either.
enum GitHubMarkdownEscaping {
    static let zeroWidthSpace: Unicode.Scalar = "\u{200B}"

    static func escape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            out.append(scalar)
            if needsBreak(after: index, in: scalars) { out.append(zeroWidthSpace) }
        }
        return String(out)
    }

    static func needsBreak(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch scalars[index] {
        case "@", "]", "<", "&": return true
        case ":": return unescaped(scalars, from: index + 1, count: 2) == ["/", "/"]
        case "w", "W": return index >= 2 && startsWWW(scalars, at: index - 2)
        default: return false
        }
    }

    /// The next `count` characters as markdown reads them, backslash escapes undone: GFM finds
    /// autolinks after escapes are resolved, so `http:\/\/x` links like `http://x`.
    static func unescaped(_ scalars: [Unicode.Scalar], from start: Int, count: Int) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        var index = start
        while index < scalars.count, found.count < count {
            if scalars[index] == "\\", index + 1 < scalars.count, isASCIIPunctuation(scalars[index + 1]) { index += 1 }
            found.append(scalars[index])
            index += 1
        }
        return found
    }

    /// `www.` where GFM starts an autolink: at the start, or after white space or `(`, `*`, `_`, `~`.
    static func startsWWW(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 3 < scalars.count,
              scalars[index..<(index + 3)].allSatisfy({ $0 == "w" || $0 == "W" }),
              unescaped(scalars, from: index + 3, count: 1) == ["."] else { return false }
        guard index > 0 else { return true }
        let before = scalars[index - 1]
        return before.properties.isWhitespace || "(*_~".unicodeScalars.contains(before)
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (33...47 ~= scalar.value || 58...64 ~= scalar.value || 91...96 ~= scalar.value
                           || 123...126 ~= scalar.value)
    }
}
