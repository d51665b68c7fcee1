import ChatOpsApp
// Rule-matching benchmark on the shared corpus (shared/bench/corpus), comparable with the peer
// baselines in shared/bench/BASELINE.md: first matching rule in file order, search semantics,
// PCRE2 UTF + caseless (no UCP, as the baselines), captures of the first match.
//
//   swift build -c release --product chatops-bench
//   taskset -c 1 .build/release/chatops-bench [CORPUS_DIR] [RUNS]
//
// It also times the bot's own path (screen + shipped rules + slot validation) over the same
// messages. Every figure is printed; correctness is checked against expected*.tsv first.
import ChatOpsConfig
import Foundation
import RuleEngine
import Understanding

let arguments = CommandLine.arguments
let corpus = arguments.count > 1 ? arguments[1] : "../shared/bench/corpus"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

func readLines(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let messages = readLines("\(corpus)/messages.txt")
print("corpus: \(corpus), \(messages.count) messages, \(runs) timed runs each (median)")

for (ruleFile, expectedFile) in [("rules-50.pcre.tsv", "expected-50.tsv"), ("rules.pcre.tsv", "expected.tsv")] {
    let rules: [Rule] = readLines("\(corpus)/\(ruleFile)").enumerated().map { i, line in
        let f = line.split(separator: "\t", maxSplits: 2).map(String.init)
        let pattern = try! CompiledPattern(f[2], options: [.utf, .caseInsensitive])
        return Rule(id: f[0], intent: .help, patterns: [pattern], location: RuleLocation(file: ruleFile, line: i + 1))
    }
    let matcher = RuleSet(rules: rules).makeMatcher()
    let expected = readLines("\(corpus)/\(expectedFile)")
    var mismatches = 0
    for (message, want) in zip(messages, expected) {
        var got = "-"
        if let m = matcher.firstMatch(in: message) {
            got = ([m.ruleID] + m.captures.keys.sorted().map { "\($0)=\(m.captures[$0]!)" }).joined(separator: "\t")
        }
        if got != want { mismatches += 1 }
    }
    var times: [Double] = []
    var matched = 0
    for _ in 0..<runs {
        matched = 0
        times.append(seconds {
            for message in messages where matcher.firstMatch(in: message) != nil { matched += 1 }
        })
    }
    let rate = Double(messages.count) / median(times)
    print(String(format: "first-match loop, %3d rules: %9.0f msgs/s  (matched %d, mismatches vs expected: %d)",
                 rules.count, rate, matched, mismatches))
}

// The bot's own path: screen, shipped rules, slot validation against the example config.
let configuration = try ConfigurationLoader(settings: ChatOpsModules.standard.settings).load(path: "deploy/chatops.example.yaml")
let shipped = try RuleFileLoader().load(directory: configuration.rulesPath)
let classifier = RuleClassifier(rules: shipped, configuration: configuration)
let botMatcher = shipped.makeMatcher()
var understood = 0
var botTimes: [Double] = []
for _ in 0..<runs {
    understood = 0
    botTimes.append(seconds {
        for message in messages where classifier.classify(message, context: .init(), matcher: botMatcher).command != nil {
            understood += 1
        }
    })
}
print(String(format: "bot path (screen + %d shipped rules + validation): %9.0f msgs/s  (understood %d)",
             shipped.rules.count, Double(messages.count) / median(botTimes), understood))
