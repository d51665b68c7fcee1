import ChatOpsTestSupport
import Foundation

/// The shared benchmark corpus (`shared/bench/corpus`, beside this repository in every checkout
/// and in CI): messages and, per message, whether its generator made it as a command.
enum BenchCorpus {
    static var folder: URL { RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/bench/corpus") }

    static func load() throws -> [(text: String, isCommand: Bool)] {
        let messages = try String(contentsOf: folder.appendingPathComponent("messages.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard messages.count == expected.count else { throw CocoaError(.fileReadCorruptFile) }
        return zip(messages, expected).map { (String($0), !$1.hasPrefix("-")) }
    }
}
