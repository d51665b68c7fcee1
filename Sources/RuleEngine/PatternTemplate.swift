/// Expands `{{name}}` references to the rule files' `definitions` (which may use each other).
/// It scans UTF-8 bytes: Foundation's `range(of:)` on every rule was 6 % of `serve`'s start-up.
struct PatternTemplate {
    let definitions: [String: String]

    enum ExpansionError: Error { case undefined(String), tooDeep(String) }

    func expand(_ pattern: String) throws(ExpansionError) -> String {
        try expand(pattern, depth: 0)
    }

    private func expand(_ pattern: String, depth: Int) throws(ExpansionError) -> String {
        let bytes = Array(pattern.utf8)
        guard var open = Self.find(0x7B, in: bytes, from: 0) else { return pattern }
        guard depth < 8 else { throw .tooDeep(pattern) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var rest = 0
        while true {
            out.append(contentsOf: bytes[rest..<open])
            guard let close = Self.find(0x7D, in: bytes, from: open + 2) else {
                out.append(contentsOf: bytes[open...])
                return String(decoding: out, as: UTF8.self)
            }
            let name = String(decoding: Self.trimmed(bytes[(open + 2)..<close]), as: UTF8.self)
            guard let body = definitions[name] else { throw .undefined(name) }
            out.append(contentsOf: "(?:".utf8)
            out.append(contentsOf: try expand(body, depth: depth + 1).utf8)
            out.append(0x29)
            rest = close + 2
            guard let next = Self.find(0x7B, in: bytes, from: rest) else { break }
            open = next
        }
        out.append(contentsOf: bytes[rest...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Where `byte` first appears twice in a row (`{{` or `}}`) at or after `start`.
    private static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == byte && bytes[i + 1] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Without the spaces and tabs around a name.
    private static func trimmed(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = name
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        return slice
    }
}
