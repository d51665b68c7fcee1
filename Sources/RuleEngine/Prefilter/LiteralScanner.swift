/// Finds which literals of a fixed set occur in a text, in the folding of `LiteralFolding`.
///
/// The text is folded once into a scratch buffer; then every position's two bytes are looked up
/// in a 64K-bit table of the literals' first two bytes — independent loads that fit in the L1
/// cache, with no state carried from byte to byte — and only where a literal can start are the
/// literals with that start compared. Every literal has at least two bytes.
struct LiteralScanner: Sendable {
    /// Bit `k` set when some literal starts with the two bytes `k & 0xFF`, `k >> 8`.
    private let firstPairs: [UInt64]
    /// Pair → 1 + its bucket in `pairStart` (0: no literal starts with it); read only on a hit.
    private let pairBucket: [UInt16]
    private let pairStart: [Int32]
    private let pairLiterals: [Int32]
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]

    let literalCount: Int

    init(literals: [[UInt8]]) {
        precondition(literals.allSatisfy { $0.count >= 2 }, "a scanner literal has at least two bytes")
        var bits = [UInt64](repeating: 0, count: 1024)
        var byPair: [UInt16: [Int32]] = [:]
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        for (number, literal) in literals.enumerated() {
            let key = UInt16(literal[0]) | UInt16(literal[1]) << 8
            bits[Int(key >> 6)] |= 1 << UInt64(key & 63)
            byPair[key, default: []].append(Int32(number))
            bytes += literal
            starts.append(Int32(bytes.count))
        }
        firstPairs = bits
        var buckets = [UInt16](repeating: 0, count: 65536), pairStarts: [Int32] = [0], flat: [Int32] = []
        for key in byPair.keys.sorted() {
            buckets[Int(key)] = UInt16(pairStarts.count)
            flat += byPair[key]!
            pairStarts.append(Int32(flat.count))
        }
        pairBucket = buckets
        pairStart = pairStarts
        pairLiterals = flat
        literalBytes = bytes
        literalStart = starts
        literalCount = literals.count
    }

    /// Folds `text` into `buffer` (at least `text.count` bytes); returns the folded length.
    /// Non-ASCII bytes become 0x80, which no literal holds, except the two look-alikes of k and s.
    @inline(__always)
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0, j = 0
        let count = text.count
        while i < count {
            let byte = text[i]
            if byte < 0x80 {
                buffer[j] = LiteralFolding.fold(byte)
                i += 1
            } else if let folded = LiteralFolding.foldedNonASCII(text, at: i) {
                buffer[j] = folded.letter
                i += folded.length
            } else {
                buffer[j] = 0x80
                i += 1
            }
            j += 1
        }
        return j
    }

    /// Calls `found` with the number of each literal occurrence in the folded text (a literal
    /// may be reported more than once).
    @inline(__always)
    func scan(folded: UnsafePointer<UInt8>, count: Int, _ found: (Int32) -> Void) {
        guard count >= 2 else { return }
        firstPairs.withUnsafeBufferPointer { bits in
            var i = 0
            while i < count - 1 {
                let key = Int(folded[i]) | Int(folded[i + 1]) << 8
                if bits[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                    compareLiterals(startingWith: UInt16(key), at: i, folded: folded, count: count, found)
                }
                i += 1
            }
        }
    }

    private func compareLiterals(startingWith key: UInt16, at position: Int, folded: UnsafePointer<UInt8>, count: Int,
                                 _ found: (Int32) -> Void) {
        let bucket = Int(pairBucket[Int(key)])
        guard bucket > 0 else { return }
        let low = bucket - 1
        pairStart.withUnsafeBufferPointer { pairStart in
            pairLiterals.withUnsafeBufferPointer { pairLiterals in
                literalStart.withUnsafeBufferPointer { literalStart in
                    literalBytes.withUnsafeBufferPointer { literalBytes in
                        for k in Int(pairStart[low])..<Int(pairStart[low + 1]) {
                            let literal = Int(pairLiterals[k])
                            let start = Int(literalStart[literal]), length = Int(literalStart[literal + 1]) - start
                            guard length <= count - position else { continue }
                            var same = true
                            var m = 2
                            while m < length {
                                if folded[position + m] != literalBytes[start + m] { same = false; break }
                                m += 1
                            }
                            if same { found(Int32(literal)) }
                        }
                    }
                }
            }
        }
    }
}
