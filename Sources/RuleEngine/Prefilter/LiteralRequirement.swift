/// A condition on a text, in literals: what any text a pattern matches must contain. Literals are
/// case-folded ASCII bytes (see `LiteralFolding`), so a condition also holds for every case
/// variant of the text.
indirect enum LiteralRequirement: Hashable, Sendable {
    /// No condition is known.
    case anything
    case literal([UInt8])
    case all([LiteralRequirement])
    case any([LiteralRequirement])

    static func allOf(_ parts: [LiteralRequirement]) -> LiteralRequirement {
        let known = parts.filter { $0 != .anything }
        switch known.count {
        case 0: return .anything
        case 1: return known[0]
        default: return .all(known)
        }
    }

    static func anyOf(_ parts: [LiteralRequirement]) -> LiteralRequirement {
        if parts.isEmpty || parts.contains(.anything) { return .anything }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    /// The condition as clauses that must all hold, each met by any one of its literals
    /// (conjunctive normal form). Weakens where the exact form would grow too large: a clause
    /// dropped or widened only lets more texts through, never fewer.
    func clauses(limits: PrefilterLimits) -> [LiteralClause] {
        switch self {
        case .anything:
            return []
        case .literal(let bytes):
            return bytes.isEmpty ? [] : [LiteralClause([bytes])]
        case .all(let parts):
            return parts.flatMap { $0.clauses(limits: limits) }
        case .any(let parts):
            var product: [LiteralClause] = [LiteralClause([])]
            let alternatives = parts.map { $0.clauses(limits: limits) }
            if alternatives.contains(where: \.isEmpty) { return [] }
            let size = alternatives.reduce(1) { $0.multipliedReportingOverflow(by: $1.count).partialValue }
            if size > limits.maxClausesFromAlternation {
                // One clause: each alternative's strongest clause, joined.
                let joined = alternatives.map { $0.max(by: LiteralClause.isWeaker)! }
                return [joined.reduce(LiteralClause([])) { $0.union($1) }]
            }
            for clauses in alternatives {
                product = product.flatMap { partial in clauses.map { partial.union($0) } }
            }
            return product
        }
    }
}

/// Literals of which a text must contain at least one.
struct LiteralClause: Hashable, Sendable {
    let literals: Set<[UInt8]>

    init(_ literals: Set<[UInt8]>) { self.literals = literals }

    func union(_ other: LiteralClause) -> LiteralClause { LiteralClause(literals.union(other.literals)) }

    /// The same condition with no literal that contains another of the clause (the longer one
    /// adds nothing: any text containing it contains the shorter). Done once per kept clause, not
    /// on every intermediate product.
    func minimized() -> LiteralClause {
        let sorted = literals.sorted { $0.count < $1.count }
        var kept: [[UInt8]] = []
        for literal in sorted where !kept.contains(where: { literal.containsSubsequence($0) }) {
            kept.append(literal)
        }
        return LiteralClause(Set(kept))
    }

    /// The shortest literal's length: a longer shortest literal is a rarer clause.
    var strength: Int { literals.map(\.count).min() ?? 0 }

    static func isWeaker(_ a: LiteralClause, _ b: LiteralClause) -> Bool {
        a.strength != b.strength ? a.strength < b.strength : a.literals.count > b.literals.count
    }
}

/// Bounds that keep the analysis and the scanner small; each is a trade of selectivity for size.
struct PrefilterLimits: Sendable {
    /// The largest set of exact strings a piece of a pattern keeps before it becomes a condition.
    var maxExactStrings = 16
    /// The longest exact string kept (longer ones are cut into a condition).
    var maxExactLength = 32
    var maxClausesFromAlternation = 16
    /// A clause with more literals than this is dropped (it would pass almost anything anyway).
    var maxLiteralsPerClause = 24
    /// Clauses whose shortest literal is shorter than this are dropped.
    var minClauseStrength = 2
    /// The strongest clauses kept per pattern.
    var maxClausesPerPattern = 3
    /// A clause beyond a pattern's strongest is kept only when its shortest literal is this long.
    var minExtraClauseStrength = 4

    static let standard = PrefilterLimits()
}

extension Array where Element == UInt8 {
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
