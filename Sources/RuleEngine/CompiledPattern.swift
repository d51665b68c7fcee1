import CPCRE2
import Synchronization

/// One PCRE2 pattern, compiled (and JIT-compiled where the platform allows). Immutable once built:
/// PCRE2 only reads compiled code during a match, so one instance can serve every thread.
public final class CompiledPattern: @unchecked Sendable {
    let code: OpaquePointer
    public let source: String
    public let options: PatternOptions
    /// Number of capturing groups.
    public let captureCount: Int
    /// Named groups, each with the group numbers that carry the name (several with duplicate names).
    public let namedGroups: [(name: String, groups: [Int])]
    /// Whether the JIT compiled it (false only where PCRE2 has no JIT for this CPU).
    /// JIT-compiled on its first match, not when loaded: most patterns of a rule set are seldom
    /// run (the prefilter skips them), and machine code for all of them would cost start-up time
    /// and resident memory (measured: ~4 MB for the shipped rules) for nothing.
    private let jitSettled = Atomic<Bool>(false)
    private let jitCompiled = Mutex<Bool>(false)

    public init(_ pattern: String, options: PatternOptions = .rule) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = pattern.utf8.withContiguousStorageIfAvailable { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &errorCode, &errorOffset, nil)
        } ?? Array(pattern.utf8).withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(message: PCRE2Message.text(for: errorCode), offset: errorOffset, pattern: pattern)
        }
        code = compiled
        source = pattern
        self.options = options
        captureCount = Int(Self.info(compiled, PCRE2_INFO_CAPTURECOUNT))
        namedGroups = Self.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether matching runs machine code (compiling it now if no match has yet).
    public var isJITCompiled: Bool {
        readyForMatching()
        return jitCompiled.withLock { $0 }
    }

    /// Call before every match: the first one compiles the JIT code (once, whichever thread
    /// comes first; the others wait for it, so no match ever runs while the code is changing).
    @inline(__always)
    func readyForMatching() {
        if !jitSettled.load(ordering: .acquiring) { settleJIT() }
    }

    private func settleJIT() {
        jitCompiled.withLock { compiled in
            guard !jitSettled.load(ordering: .relaxed) else { return }
            compiled = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0
            jitSettled.store(true, ordering: .releasing)
        }
    }

    /// The group numbers of every name, grouped in first-appearance order of the name.
    private static func readNameTable(_ code: OpaquePointer) -> [(name: String, groups: [Int])] {
        let count = Int(info(code, PCRE2_INFO_NAMECOUNT))
        guard count > 0 else { return [] }
        let entrySize = Int(info(code, PCRE2_INFO_NAMEENTRYSIZE))
        var table: UnsafePointer<UInt8>? = nil
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [] }
        var entries: [(name: String, group: Int)] = []
        for i in 0..<count {
            let entry = table.advanced(by: i * entrySize)
            let group = Int(entry[0]) << 8 | Int(entry[1])
            entries.append((String(cString: entry.advanced(by: 2)), group))
        }
        var result: [(name: String, groups: [Int])] = []
        for entry in entries.sorted(by: { $0.group < $1.group }) {
            if let i = result.firstIndex(where: { $0.name == entry.name }) {
                result[i].groups.append(entry.group)
            } else {
                result.append((entry.name, [entry.group]))
            }
        }
        return result
    }

    private static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(what), &value)
        return value
    }
}
