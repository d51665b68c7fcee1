/// Which patterns of a rule set can possibly match a text, found in one pass over it.
///
/// Each pattern's literal conditions (`PatternLiteralAnalyzer`) become clauses; one scanner finds
/// every clause literal in the text at once, and a pattern is a candidate only when all its
/// clauses are met. Patterns with no condition are always candidates. Candidates come back in
/// table order, so running them in turn keeps first-match-in-order semantics exactly.
struct PatternPrefilter: Sendable {
    let scanner: LiteralScanner
    /// Literal → the clauses it meets: `clauseIDs[clauseStart[l]..<clauseStart[l + 1]]`.
    private let clauseStart: [Int32]
    private let clauseIDs: [Int32]
    /// Clause → its pattern (an index into the rule set's table).
    private let clauseEntry: [Int32]
    /// Pattern → how many clauses it needs (0: always a candidate).
    let requiredClauses: [UInt8]
    /// The patterns with no condition, in table order.
    let unfiltered: [Int32]
    let literalCount: Int

    var clauseCount: Int { clauseEntry.count }
    var entryCount: Int { requiredClauses.count }

    /// - Parameter patterns: each pattern's source and PCRE2 compile options, in table order.
    init(patterns: [(source: String, options: UInt32)], limits: PrefilterLimits = .standard) {
        let analyzer = PatternLiteralAnalyzer(limits: limits)
        var literalNumbers: [[UInt8]: Int] = [:]
        var literals: [[UInt8]] = []
        var clausesOfLiteral: [[Int32]] = []
        var clauseEntry: [Int32] = []
        var required: [UInt8] = []
        var unfiltered: [Int32] = []
        for (entry, pattern) in patterns.enumerated() {
            let clauses = Self.selectClauses(analyzer.requirement(of: pattern.source, options: pattern.options), limits: limits)
            required.append(UInt8(clauses.count))
            if clauses.isEmpty { unfiltered.append(Int32(entry)) }
            for clause in clauses {
                let id = Int32(clauseEntry.count)
                clauseEntry.append(Int32(entry))
                for literal in clause.literals {
                    let number = literalNumbers[literal] ?? {
                        literals.append(literal)
                        clausesOfLiteral.append([])
                        literalNumbers[literal] = literals.count - 1
                        return literals.count - 1
                    }()
                    clausesOfLiteral[number].append(id)
                }
            }
        }
        scanner = LiteralScanner(literals: literals)
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        for clauses in clausesOfLiteral {
            ids += clauses
            starts.append(Int32(ids.count))
        }
        clauseStart = starts
        clauseIDs = ids
        self.clauseEntry = clauseEntry
        requiredClauses = required
        self.unfiltered = unfiltered
        literalCount = literals.count
    }

    /// The strongest usable clauses of a requirement.
    static func selectClauses(_ requirement: LiteralRequirement, limits: PrefilterLimits) -> [LiteralClause] {
        let usable = Set(requirement.clauses(limits: limits).map { $0.minimized() }).filter {
            // the scanner needs two bytes of each literal
            $0.strength >= max(2, limits.minClauseStrength) && $0.literals.count <= limits.maxLiteralsPerClause
        }
        let strongestFirst = usable.sorted { LiteralClause.isWeaker($1, $0) }
        // The strongest clause always; more only when they are rare enough to be worth counting:
        // a short literal ("to") is met by most texts, and each meeting costs a step per pattern.
        return Array((strongestFirst.prefix(1) + strongestFirst.dropFirst().filter { $0.strength >= limits.minExtraClauseStrength })
            .prefix(limits.maxClausesPerPattern))
    }

    /// Writes into `scratch.ordered` the patterns that may match `text`, in table order.
    func candidates(in text: UnsafeBufferPointer<UInt8>, scratch: PrefilterScratch) {
        let generation = scratch.nextGeneration()
        scratch.found.removeAll(keepingCapacity: true)
        let folded = scratch.foldingBuffer(for: text.count)
        let count = LiteralScanner.fold(text, into: folded)
        let clauseStamp = scratch.clauseStamp, entryStamp = scratch.entryStamp, entryHits = scratch.entryHits
        clauseStart.withUnsafeBufferPointer { clauseStart in
            clauseIDs.withUnsafeBufferPointer { clauseIDs in
                clauseEntry.withUnsafeBufferPointer { clauseEntry in
                    requiredClauses.withUnsafeBufferPointer { required in
                        scanner.scan(folded: folded, count: count) { literal in
                            let end = Int(clauseStart[Int(literal) + 1])
                            var k = Int(clauseStart[Int(literal)])
                            while k < end {
                                let clause = Int(clauseIDs[k])
                                k += 1
                                if clauseStamp[clause] == generation { continue }
                                clauseStamp[clause] = generation
                                let entry = Int(clauseEntry[clause])
                                if entryStamp[entry] != generation {
                                    entryStamp[entry] = generation
                                    entryHits[entry] = 0
                                }
                                entryHits[entry] &+= 1
                                if entryHits[entry] == required[entry] { scratch.found.append(Int32(entry)) }
                            }
                        }
                    }
                }
            }
        }
        scratch.mergeInOrder(with: unfiltered)
    }
}

/// A matcher's reusable bookkeeping for `PatternPrefilter` (one per matcher, never shared).
/// Plain buffers, so that the hot loop pays no exclusivity checks.
final class PrefilterScratch {
    /// The generation in which each clause was last met, and each pattern last counted.
    let clauseStamp: UnsafeMutableBufferPointer<UInt32>
    let entryStamp: UnsafeMutableBufferPointer<UInt32>
    /// Clauses met this generation, per pattern.
    let entryHits: UnsafeMutableBufferPointer<UInt8>
    private var folded: UnsafeMutableBufferPointer<UInt8>
    /// Filtered patterns whose clauses all met, in the order found.
    var found: [Int32] = []
    /// The candidates, in table order.
    var ordered: [Int32] = []
    private var generation: UInt32 = 0

    init(prefilter: PatternPrefilter) {
        clauseStamp = .allocate(capacity: prefilter.clauseCount)
        clauseStamp.initialize(repeating: 0)
        entryStamp = .allocate(capacity: prefilter.entryCount)
        entryStamp.initialize(repeating: 0)
        entryHits = .allocate(capacity: prefilter.entryCount)
        entryHits.initialize(repeating: 0)
        folded = .allocate(capacity: 512)
        found.reserveCapacity(64)
        ordered.reserveCapacity(64 + prefilter.unfiltered.count)
    }

    deinit {
        clauseStamp.deallocate()
        entryStamp.deallocate()
        entryHits.deallocate()
        folded.deallocate()
    }

    /// A buffer of at least `count` bytes for the folded text.
    func foldingBuffer(for count: Int) -> UnsafeMutablePointer<UInt8> {
        if folded.count < count {
            folded.deallocate()
            folded = .allocate(capacity: max(count, folded.count * 2))
        }
        return folded.baseAddress!
    }

    func nextGeneration() -> UInt32 {
        if generation == UInt32.max {
            clauseStamp.update(repeating: 0)
            entryStamp.update(repeating: 0)
            generation = 0
        }
        generation += 1
        return generation
    }

    /// `ordered` = `found` ∪ `always`, sorted (both without duplicates; `always` is sorted).
    func mergeInOrder(with always: [Int32]) {
        if found.count > 1 { found.sort() }
        ordered.removeAll(keepingCapacity: true)
        var i = 0, j = 0
        while i < found.count || j < always.count {
            if j == always.count || (i < found.count && found[i] < always[j]) {
                ordered.append(found[i])
                i += 1
            } else {
                ordered.append(always[j])
                j += 1
            }
        }
    }
}
