import ChatOpsTestSupport
import Foundation
import Testing

/// `chatops bench rules` and `chatops bench understand` on the corpus subset the rule engine's
/// tests hold (Tests/RuleEngineTests/Fixtures/corpus), run as a user would.
@Suite("chatops bench rules")
struct BenchRulesCLITests {
    let binary: String
    let corpus = RepositoryPaths.root.appendingPathComponent("Tests/RuleEngineTests/Fixtures/corpus")

    init() throws {
        binary = try #require(RepositoryPaths.chatopsBinary, "build the chatops product first (swift build)")
    }

    func run(_ args: [String]) throws -> ProcessResult {
        try ProcessRunner.run(binary, args, environment: FreshStoreCLI.hermeticEnvironment([:]), directory: RepositoryPaths.root.path)
    }

    func path(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    @Test func theCorpusMatchesWithNoMismatchAndEndsWithTheFiguresLine() throws {
        let r = try run(["bench", "rules", "--rules", path("rules.pcre.json"), "--messages", path("messages.txt"),
                         "--expected", path("expected.jsonl"), "--passes", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(r.stdout.split(separator: "\n").last.map(String.init))
        #expect(last.wholeMatch(of: /rules-bench: \d+ msgs\/s, 631 matches, 0 mismatches/) != nil, "\(last)")
        #expect(r.stdout.contains("prefilter: 499 of 500 patterns filtered"))
    }

    /// The corpus's canonical `.tsv` form (`-`, or `id<TAB>name=value…` sorted by name) is read too.
    @Test func expectationsInTheCanonicalTSVFormAreReadToo() throws {
        struct Line: Decodable { let id: String?; let groups: [String: String] }
        let folder = try TemporaryDirectory()
        let lines = try String(contentsOfFile: path("expected.jsonl"), encoding: .utf8).split(separator: "\n").map { line in
            let decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            guard let id = decoded.id else { return "-" }
            return ([id] + decoded.groups.keys.sorted().map { "\($0)=\(decoded.groups[$0]!)" }).joined(separator: "\t")
        }
        let tsv = folder.url.appendingPathComponent("expected.tsv")
        try (lines.joined(separator: "\n") + "\n").write(to: tsv, atomically: true, encoding: .utf8)
        let r = try run(["bench", "rules", "--rules", path("rules.pcre.json"), "--messages", path("messages.txt"),
                         "--expected", tsv.path, "--passes", "1"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix(", 631 matches, 0 mismatches\n"))
    }

    @Test func aWrongExpectationIsAMismatchNamedByLineAndExitsOne() throws {
        let folder = try TemporaryDirectory()
        var expected = try String(contentsOfFile: path("expected.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        let matched = try #require(expected.firstIndex { !$0.contains(#""id": null"#) })
        expected[matched] = #"{"groups": {}, "id": null}"#
        let tampered = folder.url.appendingPathComponent("expected.jsonl")
        try (expected.joined(separator: "\n") + "\n").write(to: tampered, atomically: true, encoding: .utf8)
        let r = try run(["bench", "rules", "--rules", path("rules.pcre.json"), "--messages", path("messages.txt"),
                         "--expected", tampered.path, "--passes", "1"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("mismatch at line \(matched + 1): expected no match, got "))
        #expect(r.stdout.hasSuffix(", 631 matches, 1 mismatches\n"))
    }

    @Test func badInputsSayWhichFileAndWhat() throws {
        let folder = try TemporaryDirectory()
        let rules = folder.url.appendingPathComponent("rules.json")
        try #"[{"id": "ok", "intent": "sync", "pattern": "sync (?<app>\\w+)"}, {"id": "broken", "intent": "x", "pattern": "deploy ("}]"#
            .write(to: rules, atomically: true, encoding: .utf8)
        let broken = try run(["bench", "rules", "--rules", rules.path, "--messages", path("messages.txt")])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("rule 2 (broken)"), "\(broken.stderr)")
        let missing = try run(["bench", "rules", "--rules", folder.url.appendingPathComponent("none.json").path, "--messages", path("messages.txt")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read"))
        let short = try run(["bench", "rules", "--rules", path("rules.pcre.json"), "--messages", path("messages.txt"),
                             "--expected", path("rules.pcre.json")])
        #expect(short.status != 0)
        #expect(short.stderr.contains("lines for 4202 messages"), "\(short.stderr)")
    }

    @Test func theBotsOwnPathIsTheSamePrefilteredAndPlain() throws {
        let r = try run(["bench", "understand", "--messages", path("messages.txt"), "--passes", "1"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("patterns tried per message"))
        #expect(r.stdout.split(separator: "\n").last?.contains("msgs/s prefiltered") == true)
    }
}
