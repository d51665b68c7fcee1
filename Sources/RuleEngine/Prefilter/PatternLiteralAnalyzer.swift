import CPCRE2

/// Reads a PCRE2 pattern and derives what every text it matches must contain (`LiteralRequirement`).
///
/// Sound by construction: whatever it does not understand — an escape, a verb, a conditional,
/// extended mode — gives "anything", so a pattern is never filtered on a guess. Only what it
/// reads exactly narrows: literal characters, small classes, groups, alternation, quantifiers,
/// and zero-width items (anchors, `\b`, look-arounds), which consume nothing.
struct PatternLiteralAnalyzer {
    let limits: PrefilterLimits

    init(limits: PrefilterLimits = .standard) { self.limits = limits }

    /// The compile options whose meaning the reader follows; any other option (extended mode,
    /// literal mode, …) changes how the pattern reads, so such a pattern is left unfiltered.
    static let understoodOptions: UInt32 = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES | PCRE2_ANCHORED
        | PCRE2_ENDANCHORED | PCRE2_MULTILINE | PCRE2_DOTALL | PCRE2_NO_AUTO_CAPTURE | PCRE2_UNGREEDY | PCRE2_DOLLAR_ENDONLY

    func requirement(of pattern: String, options: UInt32) -> LiteralRequirement {
        guard options & ~Self.understoodOptions == 0 else { return .anything }
        var reader = PatternReader(bytes: Array(pattern.utf8), limits: limits)
        guard let info = reader.readAlternation(), reader.atEnd else { return .anything }
        return info.requirement
    }
}

/// What a piece of a pattern can match: a small set of exact (folded) strings when known,
/// otherwise a condition on the text.
struct LiteralInfo {
    var exact: Set<[UInt8]>?
    var condition: LiteralRequirement

    static let empty = LiteralInfo(exact: [[]], condition: .anything)
    static let unknown = LiteralInfo(exact: nil, condition: .anything)

    static func exactly(_ strings: Set<[UInt8]>) -> LiteralInfo { LiteralInfo(exact: strings, condition: .anything) }

    /// One ASCII byte, made once: a pattern is mostly single characters.
    static func byte(_ byte: UInt8) -> LiteralInfo { singleBytes[Int(byte & 0x7F)] }
    private static let singleBytes: [LiteralInfo] = (0..<128).map { .exactly([[UInt8($0)]]) }

    var requirement: LiteralRequirement {
        guard let exact else { return condition }
        if exact.contains([]) { return .anything }
        return .anyOf(exact.sorted { $0.lexicographicallyPrecedes($1) }.map { .literal($0) })
    }
}

/// A recursive-descent reader over the pattern's bytes. Returns nil where it stops understanding.
struct PatternReader {
    let bytes: [UInt8]
    let limits: PrefilterLimits
    var index = 0

    init(bytes: [UInt8], limits: PrefilterLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var atEnd: Bool { index >= bytes.count }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }
    private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// `a|b|…` up to a `)` or the end.
    mutating func readAlternation() -> LiteralInfo? {
        var branches: [LiteralInfo] = []
        while true {
            guard let branch = readSequence() else { return nil }
            branches.append(branch)
            guard current == UInt8(ascii: "|") else { break }
            index += 1
        }
        return alternation(branches)
    }

    private func alternation(_ branches: [LiteralInfo]) -> LiteralInfo {
        if branches.count == 1 { return branches[0] }
        if branches.allSatisfy({ $0.exact != nil }) {
            let union = branches.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.exact!) }
            if union.count <= limits.maxExactStrings { return .exactly(union) }
        }
        return LiteralInfo(exact: nil, condition: .anyOf(branches.map(\.requirement)))
    }

    /// Items one after another, up to `|`, `)` or the end. Exact strings are joined while the
    /// product stays small; the rest become conditions that must all hold.
    private mutating func readSequence() -> LiteralInfo? {
        // The strings so far are `exact` with `tail` after each: a run of single characters
        // grows `tail` in place instead of building a product per character.
        var exact: Set<[UInt8]> = [[]]
        var tail: [UInt8] = []
        var conditions: [LiteralRequirement] = []
        func joined() -> Set<[UInt8]> { tail.isEmpty ? exact : Set(exact.map { $0 + tail }) }
        while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            guard let atom = readAtom(), let item = readQuantifier(applyingTo: atom) else { return nil }
            if let itemExact = item.exact, itemExact.count == 1, let single = itemExact.first,
               exact.allSatisfy({ $0.count + tail.count + single.count <= limits.maxExactLength }) {
                tail += single
            } else if let itemExact = item.exact {
                let before = joined()
                tail = []
                if let product = join(before, itemExact) {
                    exact = product
                } else {
                    conditions.append(LiteralInfo.exactly(before).requirement)
                    exact = itemExact
                }
            } else {
                conditions.append(LiteralInfo.exactly(joined()).requirement)
                exact = [[]]
                tail = []
                conditions.append(item.condition)
            }
        }
        if conditions.isEmpty { return .exactly(joined()) }
        conditions.append(LiteralInfo.exactly(joined()).requirement)
        return LiteralInfo(exact: nil, condition: .allOf(conditions))
    }

    /// The cross product, or nil when it would be too large or too long.
    private func join(_ left: Set<[UInt8]>, _ right: Set<[UInt8]>) -> Set<[UInt8]>? {
        guard left.count * right.count <= limits.maxExactStrings else { return nil }
        var out = Set<[UInt8]>()
        for l in left {
            for r in right {
                let s = l + r
                guard s.count <= limits.maxExactLength else { return nil }
                out.insert(s)
            }
        }
        return out
    }

    // MARK: atoms

    private mutating func readAtom() -> LiteralInfo? {
        guard let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: "("): return readGroup()
        case UInt8(ascii: "["): return readClass()
        case UInt8(ascii: "\\"): return readEscape()
        case UInt8(ascii: "."):
            index += 1
            return .unknown
        case UInt8(ascii: "^"), UInt8(ascii: "$"):
            index += 1
            return .empty
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
            return nil  // a quantifier with nothing before it, or a literal brace: not read
        case 0x80...:
            // One non-ASCII character: its caseless forms are not folded here.
            index += 1
            while let next = current, next & 0xC0 == 0x80 { index += 1 }
            return .unknown
        default:
            index += 1
            return .byte(LiteralFolding.fold(byte))
        }
    }

    private mutating func readEscape() -> LiteralInfo? {
        guard let next = peek(1) else { return nil }
        index += 2
        switch next {
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "w"),
             UInt8(ascii: "W"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"),
             UInt8(ascii: "R"), UInt8(ascii: "N") where peek(0) != UInt8(ascii: "{"):
            return .unknown
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G"):
            return .empty
        case UInt8(ascii: "t"): return .byte(0x09)
        case UInt8(ascii: "n"): return .byte(0x0A)
        case UInt8(ascii: "r"): return .byte(0x0D)
        case UInt8(ascii: "f"): return .byte(0x0C)
        case UInt8(ascii: "e"): return .byte(0x1B)
        case UInt8(ascii: "a"): return .byte(0x07)
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            return .byte(next)  // escaped punctuation is itself
        case UInt8(ascii: "x"):
            guard let codePoint = readHexDigits() else { return nil }
            return codePoint < 0x80 ? .byte(LiteralFolding.fold(UInt8(codePoint))) : .unknown
        default:
            return nil  // \Q, \x, \p, \k, backreferences, \K, …: not read
        }
    }

    private mutating func readGroup() -> LiteralInfo? {
        index += 1
        var kind = GroupKind.capturing
        if current == UInt8(ascii: "*") { return nil }  // (*VERB), (*UTF), …
        if current == UInt8(ascii: "?") {
            index += 1
            guard let resolved = readGroupKind() else { return nil }
            kind = resolved
        }
        if kind == .optionSetting { return .empty }
        if kind == .comment {
            while let byte = current, byte != UInt8(ascii: ")") { index += 1 }
            guard current == UInt8(ascii: ")") else { return nil }
            index += 1
            return .empty
        }
        if kind == .lookaround {
            // A look-around consumes nothing and adds no condition: its content is only skipped.
            return skipToGroupEnd() ? .empty : nil
        }
        guard let inner = readAlternation(), current == UInt8(ascii: ")") else { return nil }
        index += 1
        return inner
    }

    /// Moves past the `)` that closes the group whose content starts here, reading only what
    /// decides where it ends: escapes, classes, nested groups and comments.
    private mutating func skipToGroupEnd() -> Bool {
        var depth = 1
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\\"):
                guard let next = peek(1), next != UInt8(ascii: "Q") else { return false }  // \Q…\E: not read
                index += 2
            case UInt8(ascii: "["):
                guard readClass() != nil else { return false }
            case UInt8(ascii: "(") where peek(1) == UInt8(ascii: "?") && peek(2) == UInt8(ascii: "#"):
                while let inside = current, inside != UInt8(ascii: ")") { index += 1 }
                guard current != nil else { return false }
                index += 1
            case UInt8(ascii: "("):
                depth += 1
                index += 1
            case UInt8(ascii: ")"):
                depth -= 1
                index += 1
                if depth == 0 { return true }
            default:
                index += 1
            }
        }
        return false
    }

    private enum GroupKind { case capturing, plain, lookaround, optionSetting, comment }

    /// After `(?`: which kind of group, with its introducer consumed.
    private mutating func readGroupKind() -> GroupKind? {
        guard let byte = current else { return nil }
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
            index += 1
            return .plain
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            index += 1
            return .lookaround
        case UInt8(ascii: "#"):
            return .comment
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!"):
            index += 2
            return .lookaround
        case UInt8(ascii: "<"), UInt8(ascii: "'"):
            return readGroupName(closing: byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'"), skip: 1)
        case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "<"):
            return readGroupName(closing: UInt8(ascii: ">"), skip: 2)
        default:
            return readOptionLetters()
        }
    }

    private mutating func readGroupName(closing: UInt8, skip: Int) -> GroupKind? {
        index += skip
        let start = index
        while let byte = current, byte == UInt8(ascii: "_") || (byte < 0x80 && isAlphanumeric(byte)) { index += 1 }
        guard index > start, current == closing else { return nil }
        index += 1
        return .capturing
    }

    /// `(?i)`, `(?-i:`, `(?im-s)`: option letters. Extended mode (`x`) changes how the rest
    /// reads, and `^` resets options: neither is read.
    private mutating func readOptionLetters() -> GroupKind? {
        let allowed = Set("imnsJU-".utf8)
        while let byte = current, allowed.contains(byte) { index += 1 }
        switch current {
        case UInt8(ascii: ")"):
            index += 1
            return .optionSetting
        case UInt8(ascii: ":"):
            index += 1
            return .plain
        default:
            return nil
        }
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// After `\x`: `{hhh}` or up to two hex digits (none is NUL), as PCRE2 reads them.
    private mutating func readHexDigits() -> UInt32? {
        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: return UInt32(byte - 0x30)
            case 0x41...0x46, 0x61...0x66: return UInt32(byte | 0x20) - 0x61 + 10
            default: return nil
            }
        }
        var value: UInt32 = 0
        if current == UInt8(ascii: "{") {
            index += 1
            var digits = 0
            while let byte = current, let digit = hexValue(byte) {
                guard digits < 8 else { return nil }
                value = value << 4 | digit
                digits += 1
                index += 1
            }
            guard digits > 0, current == UInt8(ascii: "}") else { return nil }
            index += 1
            return value
        }
        for _ in 0..<2 {
            guard let byte = current, let digit = hexValue(byte) else { break }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: quantifiers

    private mutating func readQuantifier(applyingTo item: LiteralInfo) -> LiteralInfo? {
        guard let byte = current else { return item }
        var minimum: Int, maximum: Int?
        switch byte {
        case UInt8(ascii: "?"): (minimum, maximum) = (0, 1); index += 1
        case UInt8(ascii: "*"): (minimum, maximum) = (0, nil); index += 1
        case UInt8(ascii: "+"): (minimum, maximum) = (1, nil); index += 1
        case UInt8(ascii: "{"):
            guard let bounds = readBraces() else { return nil }
            (minimum, maximum) = bounds
        default:
            return item
        }
        if current == UInt8(ascii: "?") || current == UInt8(ascii: "+") { index += 1 }  // lazy, possessive
        if current == UInt8(ascii: "?") || current == UInt8(ascii: "*") || current == UInt8(ascii: "+")
            || current == UInt8(ascii: "{") { return nil }  // stacked quantifiers: not read
        if minimum == 0 {
            if maximum == 1, var exact = item.exact, exact.count < limits.maxExactStrings {
                exact.insert([])
                return .exactly(exact)
            }
            return .unknown
        }
        if minimum == 1 && maximum == 1 { return item }
        return LiteralInfo(exact: nil, condition: item.requirement)
    }

    /// `{n}`, `{n,}`, `{n,m}`: anything else is not read.
    private mutating func readBraces() -> (Int, Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            let start = cursor
            while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, cursor - start < 6 { cursor += 1 }
            guard cursor > start else { return nil }
            return Int(String(decoding: bytes[start..<cursor], as: UTF8.self))
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
            maximum = number()
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
        if let maximum, maximum < minimum { return nil }
        index = cursor + 1
        return (minimum, maximum)
    }

    // MARK: classes

    /// `[…]`: a small positive class of plain ASCII characters is a set of exact strings;
    /// anything else inside is read only to find the class's end.
    private mutating func readClass() -> LiteralInfo? {
        index += 1
        var negated = false
        if current == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var members = Set<UInt8>()
        var plain = !negated
        var first = true
        while true {
            guard let byte = current else { return nil }
            if byte == UInt8(ascii: "]") && !first { index += 1; break }
            first = false
            if byte == UInt8(ascii: "[") && peek(1) == UInt8(ascii: ":") {
                // POSIX class [:alpha:]
                guard let close = findPosixEnd() else { return nil }
                index = close
                plain = false
                continue
            }
            var member: UInt8?
            if byte == UInt8(ascii: "\\") {
                guard let next = peek(1) else { return nil }
                switch next {
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: member = next
                case UInt8(ascii: "n"): member = 0x0A
                case UInt8(ascii: "t"): member = 0x09
                case UInt8(ascii: "r"): member = 0x0D
                case UInt8(ascii: "f"): member = 0x0C
                case UInt8(ascii: "e"): member = 0x1B
                case UInt8(ascii: "a"): member = 0x07
                case UInt8(ascii: "b"): member = 0x08  // backspace, inside a class
                case UInt8(ascii: "x"):
                    index += 2
                    guard let codePoint = readHexDigits() else { return nil }
                    if codePoint < 0x80 { member = UInt8(codePoint) } else { plain = false }
                    index -= 2  // the common step below skips the two bytes of `\x`
                case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "w"),
                     UInt8(ascii: "W"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"):
                    plain = false
                default:
                    return nil
                }
                index += 2
            } else if byte >= 0x80 {
                plain = false
                index += 1
                while let next = current, next & 0xC0 == 0x80 { index += 1 }
                continue
            } else {
                member = byte
                index += 1
            }
            if let low = member, current == UInt8(ascii: "-"), let high = peek(1), high != UInt8(ascii: "]") {
                // a range: plain ASCII ends only
                guard high != UInt8(ascii: "\\"), high != UInt8(ascii: "["), high < 0x80, high >= low else { return nil }
                index += 2
                if Int(high) - Int(low) > 8 { plain = false } else {
                    for b in low...high { members.insert(LiteralFolding.fold(b)) }
                }
                continue
            }
            if let member { members.insert(LiteralFolding.fold(member)) }
        }
        guard plain, !members.isEmpty, members.count <= 4 else { return .unknown }
        return .exactly(Set(members.map { [$0] }))
    }

    private func findPosixEnd() -> Int? {
        var cursor = index + 2
        while cursor + 1 < bytes.count {
            if bytes[cursor] == UInt8(ascii: ":") && bytes[cursor + 1] == UInt8(ascii: "]") { return cursor + 2 }
            if bytes[cursor] == UInt8(ascii: "]") { return nil }
            cursor += 1
        }
        return nil
    }
}
