import Foundation

/// The part of a job log worth showing: GitHub's per-line timestamps removed, and at most
/// `limit` lines — around the first `##[error]` when there is one (what follows the error is
/// mostly cleanup), else the last lines.
struct LogTail: Sendable, Hashable {
    /// The lines shown, timestamps removed.
    let lines: [String]
    /// The `##[error]` lines of the whole log, marker removed.
    let errors: [String]
    /// Lines left out.
    let omitted: Int

    static let maxLineLength = 300

    init(log: String, limit: Int = 60) {
        // GitHub's log files start with a byte-order mark.
        let text = log.unicodeScalars.first == "\u{FEFF}" ? String(log.unicodeScalars.dropFirst()) : log
        var all = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Self.clean)
        while all.last?.isEmpty == true { all.removeLast() }
        let errorIndexes = all.indices.filter { all[$0].contains("##[error]") }
        errors = errorIndexes.map { all[$0].replacingOccurrences(of: "##[error]", with: "").trimmingCharacters(in: .whitespaces) }
        let end: Int
        if let anchor = errorIndexes.first {
            // Most of the window before the error (its cause), a quarter after it.
            end = min(all.count, max(anchor + 1 + limit / 4, min(limit, all.count)))
        } else {
            end = all.count
        }
        let start = max(0, end - limit)
        lines = Array(all[start..<end])
        omitted = all.count - lines.count
    }

    /// The lines a classifier should read: each error with the lines just before it, or the
    /// last lines when the log has no error marker.
    static func evidence(in lines: [String]) -> [String] {
        let marked = lines.indices.filter { lines[$0].contains("##[error]") }
        guard !marked.isEmpty else { return Array(lines.suffix(20)) }
        var picked = IndexSet()
        for index in marked { picked.insert(integersIn: max(0, index - 15)...index) }
        return picked.map { lines[$0] }
    }

    /// One line without GitHub's `2024-05-06T19:51:59.1234567Z ` prefix, cut to a sane length.
    static func clean(_ line: Substring) -> String {
        var text = line
        if let space = text.firstIndex(of: " "), isTimestamp(text[..<space]) {
            text = text[text.index(after: space)...]
        } else if isTimestamp(text) {
            text = ""
        }
        return text.count > maxLineLength ? String(text.prefix(maxLineLength)) + "…" : String(text)
    }

    static func isTimestamp(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 32, bytes.last == UInt8(ascii: "Z") else { return false }
        let shape: [Int: UInt8] = [4: UInt8(ascii: "-"), 7: UInt8(ascii: "-"), 10: UInt8(ascii: "T"),
                                   13: UInt8(ascii: ":"), 16: UInt8(ascii: ":")]
        for (index, byte) in bytes.enumerated().dropLast() {
            if let expected = shape[index] {
                if byte != expected { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) && !(index == 19 && byte == UInt8(ascii: ".")) {
                return false
            }
        }
        return true
    }
}
