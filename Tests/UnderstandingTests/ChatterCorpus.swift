import Foundation

/// Ordinary chat that must never become a command: `Fixtures/chatter.txt`, a deterministic cut
/// of the benchmark corpus's non-command lines (how it was cut: `Fixtures/README.md`).
enum ChatterCorpus {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/chatter.txt")

    /// One message per line, in the file's order.
    static func load() throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        // Every line ends with "\n", so the last split is empty; anything else is a damaged file.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.popLast() == "", !lines.contains(where: \.isEmpty) else { throw CocoaError(.fileReadCorruptFile) }
        return lines
    }
}
