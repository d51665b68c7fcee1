import ArgumentParser
import ChatOpsCore
import Foundation
import RuleEngine

/// `chatops bench rules`: first-match throughput of the rule engine over a corpus of rules and
/// chat lines, checked against the expected first matches when given.
struct BenchRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Rule matching throughput: the first rule (in file order) matching anywhere in each message, case-insensitively.",
        discussion: """
            RULES is a JSON array of {"id", "intent", "pattern"} (PCRE2 syntax); MESSAGES has one message per line; \
            EXPECTED has one JSON object per message, {"id": ID or null, "groups": {NAME: VALUE}} (the named groups that \
            took part), or, for a file ending in .tsv, one line per message: `-`, or `id<TAB>name=value…`. Patterns compile as the benchmark peers' do: UTF-8 and caseless, no Unicode properties, \
            unanchored. The last line is `rules-bench: <messages/s> msgs/s, <matches> matches, <mismatches> mismatches` \
            (the median of the timed passes, after a checking pass that also warms up); any mismatch exits 1.
            """
    )

    @Option(name: .long, help: "The rules, a JSON array of {id, intent, pattern}.")
    var rules: String

    @Option(name: .long, help: "The messages, one per line.")
    var messages: String

    @Option(name: .long, help: "The expected first matches: one JSON object per message, or the corpus's canonical lines in a .tsv file.")
    var expected: String?

    @Option(name: .long, help: "Timed passes over every message (the median is reported).")
    var passes = 5

    @Flag(name: .long, help: "Try every rule on every message (no prefilter), to compare.")
    var plain = false

    func run() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1") }
        let corpus = try BenchCorpus(rulesPath: rules, messagesPath: messages, expectedPath: expected)
        let ruleSet = RuleSet(rules: corpus.rules, prefiltered: !plain)
        let matcher = ruleSet.makeMatcher()
        print("rules-bench: \(corpus.rules.count) rules, \(corpus.messages.count) messages, \(passes) timed passes"
              + (plain ? ", plain loop (every rule on every message)" : ""))
        if let summary = ruleSet.prefilterSummary {
            print("rules-bench: \(summary)")
            if summary.unfiltered > 0 {
                print("rules-bench: tried on every text: \(summary.unfilteredRuleIDs.prefix(20).joined(separator: ", "))"
                      + (summary.unfiltered > 20 ? ", …" : ""))
            }
        }

        var mismatches = 0
        var matches = 0
        for (index, message) in corpus.messages.enumerated() {
            let found = matcher.firstMatch(in: message)
            if found != nil { matches += 1 }
            guard let expected = corpus.expected else { continue }
            let want = expected[index]
            let got = found.map { ExpectedMatch(id: $0.ruleID, groups: $0.captures) }
            if got != want {
                mismatches += 1
                if mismatches <= 10 {
                    print("mismatch at line \(index + 1): expected \(want.map(String.init(describing:)) ?? "no match"), "
                          + "got \(got.map(String.init(describing:)) ?? "no match")")
                }
            }
        }

        print(String(format: "rules-bench: %.2f patterns tried per message (of %d)",
                     Double(matcher.patternsTried) / Double(max(corpus.messages.count, 1)), ruleSet.rules.count))

        var seconds: [Double] = []
        for _ in 0..<passes {
            var matched = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for message in corpus.messages where matcher.firstMatch(in: message) != nil { matched += 1 }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(matched == matches, "a timed pass found \(matched) matches, the checking pass \(matches)")
        }
        let median = seconds.sorted()[seconds.count / 2]
        let rate = Double(corpus.messages.count) / median
        print(String(format: "rules-bench: passes %@ s", seconds.map { String(format: "%.4f", $0) }.joined(separator: " ")))
        print(String(format: "rules-bench: %.0f msgs/s, %d matches, %d mismatches", rate, matches, mismatches))
        if mismatches > 0 { throw ExitCode(1) }
    }
}

/// One message's expected first match: the rule and the named groups that took part.
struct ExpectedMatch: Hashable, Decodable, CustomStringConvertible {
    let id: String
    let groups: [String: String]

    var description: String {
        ([id] + groups.keys.sorted().map { "\($0)=\(groups[$0]!)" }).joined(separator: " ")
    }
}

/// The benchmark's inputs, read and compiled; every problem names the file and line.
struct BenchCorpus {
    let rules: [Rule]
    let messages: [String]
    let expected: [ExpectedMatch?]?

    private struct RuleEntry: Decodable {
        let id: String
        let intent: String
        let pattern: String
    }

    private struct ExpectedLine: Decodable {
        let id: String?
        let groups: [String: String]?
    }

    init(rulesPath: String, messagesPath: String, expectedPath: String?) throws {
        let entries: [RuleEntry]
        do {
            entries = try JSONDecoder().decode([RuleEntry].self, from: try Self.read(rulesPath))
        } catch let error as ValidationError { throw error } catch {
            throw ValidationError("\(rulesPath): not a JSON array of {id, intent, pattern}: \(error)")
        }
        rules = try entries.enumerated().map { index, entry in
            let pattern: CompiledPattern
            do { pattern = try CompiledPattern(entry.pattern, options: [.utf, .caseInsensitive]) } catch {
                throw ValidationError("\(rulesPath): rule \(index + 1) (\(entry.id)): \(error)")
            }
            // The corpus names intents outside the catalog; the benchmark reports rule ids only.
            return Rule(id: entry.id, intent: Intent(rawValue: entry.intent) ?? .help, patterns: [pattern],
                        location: RuleLocation(file: rulesPath, line: index + 1))
        }
        messages = try Self.lines(of: messagesPath)
        guard let expectedPath else {
            expected = nil
            return
        }
        let decoder = JSONDecoder()
        let expectedLines = try Self.lines(of: expectedPath)
        guard expectedLines.count == messages.count else {
            throw ValidationError("\(expectedPath) has \(expectedLines.count) lines for \(messages.count) messages in \(messagesPath)")
        }
        if expectedPath.hasSuffix(".tsv") {
            expected = try expectedLines.enumerated().map { index, line in try Self.tsvExpectation(line, at: "\(expectedPath):\(index + 1)") }
            return
        }
        expected = try expectedLines.enumerated().map { index, line in
            let decoded: ExpectedLine
            do { decoded = try decoder.decode(ExpectedLine.self, from: Data(line.utf8)) } catch {
                throw ValidationError("\(expectedPath):\(index + 1): not {\"id\": …, \"groups\": {…}}: \(error)")
            }
            return decoded.id.map { ExpectedMatch(id: $0, groups: decoded.groups ?? [:]) }
        }
    }

    /// The corpus's canonical line: `-` for no match, else `id<TAB>name=value…`.
    private static func tsvExpectation(_ line: String, at place: String) throws -> ExpectedMatch? {
        if line == "-" { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard let id = fields.first, !id.isEmpty else { throw ValidationError("\(place): not `-` or `id<TAB>name=value…`") }
        var groups: [String: String] = [:]
        for field in fields.dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { throw ValidationError("\(place): `\(field)` is not name=value") }
            groups[String(field[..<equals])] = String(field[field.index(after: equals)...])
        }
        return ExpectedMatch(id: id, groups: groups)
    }

    private static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return data
    }

    /// The lines of a UTF-8 text file (a final newline ends the last line, it does not add one).
    static func lines(of path: String) throws -> [String] {
        guard let text = String(data: try read(path), encoding: .utf8) else {
            throw ValidationError("\(path) is not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
