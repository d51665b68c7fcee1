/// Finds every literal of a fixed set in a text in one pass (an Aho–Corasick automaton compiled
/// to a dense table over byte classes), in the folding of `LiteralFolding`.
struct LiteralScanner: Sendable {
    /// Byte → class; bytes that occur in no literal share class 0.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]` is the next state.
    private let transitions: [Int32]
    /// The literals that end at each state: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    var stateCount: Int { outputStart.count - 1 }

    /// - Parameter literals: non-empty folded literals; a literal's number is its index here.
    init(literals: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass: UInt8 = 1
        for byte in Set(literals.joined()).sorted() {
            classes[Int(byte)] = nextClass
            nextClass += 1
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper | 0x20)] }
        byteClass = classes
        classCount = Int(nextClass)

        // The trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var terminal: [[Int32]] = [[]]
        for (number, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let c = Int(classes[Int(byte)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classCount))
                    terminal.append([])
                }
                state = Int(goto[state][c])
            }
            terminal[state].append(Int32(number))
        }
        // Failure links, breadth first; the dense table follows them so a scan never backtracks.
        var failure = [Int](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * classCount)
        var queue: [Int] = []
        for c in 0..<classCount {
            let next = goto[0][c]
            if next >= 0 {
                table[c] = next
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            terminal[state] += terminal[failure[state]]
            for c in 0..<classCount {
                let next = goto[state][c]
                if next >= 0 {
                    failure[Int(next)] = Int(table[failure[state] * classCount + c])
                    table[state * classCount + c] = next
                    queue.append(Int(next))
                } else {
                    table[state * classCount + c] = table[failure[state] * classCount + c]
                }
            }
        }
        transitions = table
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for state in 0..<goto.count {
            flat += terminal[state]
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputs = flat
    }

    /// Calls `found` with the number of each literal occurrence in `text` (a literal may be
    /// reported more than once).
    @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (Int32) -> Void) {
        byteClass.withUnsafeBufferPointer { classOf in
            transitions.withUnsafeBufferPointer { delta in
                outputStart.withUnsafeBufferPointer { starts in
                    outputs.withUnsafeBufferPointer { outs in
                        var state = 0
                        var i = 0
                        let count = text.count
                        while i < count {
                            var byte = text[i]
                            i += 1
                            if byte >= 0x80, let folded = LiteralFolding.foldedNonASCII(text, at: i - 1) {
                                byte = folded.letter
                                i += folded.length - 1
                            }
                            state = Int(delta[state &* classCount &+ Int(classOf[Int(byte)])])
                            let first = Int(starts[state]), end = Int(starts[state &+ 1])
                            if first != end {
                                for k in first..<end { found(outs[k]) }
                            }
                        }
                    }
                }
            }
        }
    }
}
