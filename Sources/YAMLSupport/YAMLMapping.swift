/// A YAML mapping with its keys in file order.
public struct YAMLMapping: Sendable {
    public let entries: [(key: String, value: YAMLValue)]
    let owner: YAMLValue

    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> YAMLValue? {
        guard let v = entries.first(where: { $0.key == key })?.value, !v.isNull else { return nil }
        return v
    }

    public func required(_ key: String) throws(YAMLError) -> YAMLValue {
        guard let value = self[key] else { throw owner.error("missing required key '\(key)'") }
        return value
    }

    /// Rejects keys outside `allowed`: a typo must not silently drop a setting.
    public func rejectUnknownKeys(allowed: [String]) throws(YAMLError) {
        for (key, value) in entries where !allowed.contains(key) {
            let hint = Self.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw YAMLError(file: value.file, line: value.line, column: value.column, keyPath: value.keyPath,
                            message: "unknown key '\(key)'\(hint); known keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
        return best
    }
}

enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
