import ChatOpsCore
import RuleEngine

/// Checks a rule set for ambiguity and coverage.
/// - overlap: one text (any rule's example or counterexample) matches, with valid slots, rules of
///   two different intents; only the first one in priority order can ever win it.
/// - coverage: an intent with rules but fewer than 5 examples or 3 counterexamples, or no rules.
public struct RuleLinter: Sendable {
    public let classifier: RuleClassifier
    public static let minimumExamples = 5
    public static let minimumCounterexamples = 3

    public init(classifier: RuleClassifier) { self.classifier = classifier }

    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable { case overlap, coverage }
        public let kind: Kind
        public let location: RuleLocation?
        public let message: String
        public var description: String {
            (location.map { "\($0): " } ?? "") + "\(kind.rawValue): \(message)"
        }
    }

    public func run() -> [Finding] {
        overlaps() + coverage()
    }

    func overlaps() -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        let matcher = classifier.rules.makeMatcher()
        for rule in classifier.rules.rules {
            let texts = rule.examples.map { ($0.text, $0.location) } + rule.counterexamples.map { ($0, rule.location) }
            for (text, location) in texts {
                guard case .success(let screened) = classifier.screen.screen(text) else { continue }
                var valid: [RuleMatch] = []
                _ = matcher.forEachMatch(in: screened.body) { match in
                    if case .success = classifier.normalizer.normalize(match.captures, intent: match.intent, channel: nil) {
                        valid.append(match)
                    }
                    return true
                }
                guard let winner = valid.first else { continue }
                for other in valid.dropFirst() where other.intent != winner.intent {
                    let key = "\(winner.ruleID)|\(other.ruleID)"
                    guard reported.insert(key).inserted else { continue }
                    findings.append(Finding(kind: .overlap, location: location,
                        message: "\"\(text)\" matches \(winner.ruleID) (\(winner.intent.rawValue)) and \(other.ruleID) "
                            + "(\(other.intent.rawValue)); \(winner.ruleID) wins by priority — make the patterns exclusive"))
                }
            }
        }
        return findings
    }

    func coverage() -> [Finding] {
        var findings: [Finding] = []
        for intent in Intent.catalog {
            let rules = classifier.rules.rules.filter { $0.intent == intent }
            guard !rules.isEmpty else {
                findings.append(Finding(kind: .coverage, location: nil, message: "no rule gives intent '\(intent.rawValue)'"))
                continue
            }
            let examples = rules.reduce(0) { $0 + $1.examples.count }
            let counter = rules.reduce(0) { $0 + $1.counterexamples.count }
            if examples < Self.minimumExamples || counter < Self.minimumCounterexamples {
                findings.append(Finding(kind: .coverage, location: rules[0].location,
                    message: "intent '\(intent.rawValue)' has \(examples) examples and \(counter) counterexamples; "
                        + "at least \(Self.minimumExamples) and \(Self.minimumCounterexamples) are needed"))
            }
        }
        return findings
    }
}
