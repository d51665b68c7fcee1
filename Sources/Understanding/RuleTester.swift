import ChatOpsCore
import RuleEngine

/// Runs every rule's examples and counterexamples through the whole understanding path.
public struct RuleTester: Sendable {
    public let classifier: RuleClassifier

    public init(classifier: RuleClassifier) { self.classifier = classifier }

    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public let location: RuleLocation
        public let ruleID: String
        public let message: String
        public var description: String { "\(location): \(ruleID): \(message)" }
    }

    public struct Report: Sendable {
        public var examples = 0
        public var counterexamples = 0
        public var failures: [Failure] = []
        public var passed: Bool { failures.isEmpty }
    }

    public func run() -> Report {
        var report = Report()
        let matcher = classifier.rules.makeMatcher()
        for rule in classifier.rules.rules {
            for example in rule.examples {
                report.examples += 1
                let result = classifier.classify(example.text, context: .init(), matcher: matcher)
                guard let command = result.command else {
                    let why = result.reason.map { " (\($0))" } ?? ""
                    report.failures.append(.init(location: example.location, ruleID: rule.id,
                        message: "example \"\(example.text)\" is not understood\(why); expected \(Self.show(rule.intent, example.slots))"))
                    continue
                }
                if command.intent != rule.intent || command.slots != example.slots {
                    report.failures.append(.init(location: example.location, ruleID: rule.id,
                        message: "example \"\(example.text)\" gave \(Self.show(command.intent, command.slots)) by rule \(command.ruleID ?? "?"); "
                            + "expected \(Self.show(rule.intent, example.slots))"))
                }
            }
            for text in rule.counterexamples {
                report.counterexamples += 1
                let result = classifier.classify(text, context: .init(), matcher: matcher)
                if let command = result.command, command.ruleID == rule.id {
                    report.failures.append(.init(location: rule.location, ruleID: rule.id,
                        message: "counterexample \"\(text)\" matched, giving \(Self.show(command.intent, command.slots))"))
                }
            }
        }
        return report
    }

    static func show(_ intent: Intent, _ slots: [String: SlotValue]) -> String {
        "\(intent.rawValue) \(JSONText.object(slots))"
    }
}
