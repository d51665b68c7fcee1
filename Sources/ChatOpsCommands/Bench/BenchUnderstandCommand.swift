import ArgumentParser
import ChatOpsCore
import Foundation
import RuleEngine
import Understanding

/// `chatops bench understand`: the bot's own rule path — the screen, the shipped rules, slot
/// validation against the configuration — over a file of chat lines, with the prefilter and
/// with the plain loop, in one run.
struct BenchUnderstandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understand",
        abstract: "The bot's rule path (screen, the configured rules, slot validation) over MESSAGES, prefiltered and plain.",
        discussion: "The last line is `understand-bench: <messages/s> msgs/s prefiltered, <messages/s> msgs/s plain, "
            + "<n> understood`; the two must understand the same messages (exit 1 otherwise)."
    )

    @Option(name: .long, help: "Chat lines, one per line.")
    var messages: String

    @Option(name: .long, help: "Timed passes each (the median is reported).")
    var passes = 5

    @OptionGroup var setup: SetupOptions

    func run() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1") }
        let lines = try BenchCorpus.lines(of: messages)
        try reportingSetupErrors {
            let (configuration, classifier) = try setup.loadClassifier()
            let plainClassifier = RuleClassifier(rules: RuleSet(rules: classifier.rules.rules, prefiltered: false),
                                                 configuration: configuration)
            if let summary = classifier.rules.prefilterSummary { print("understand-bench: \(summary)") }
            let fast = measure(classifier, lines)
            let plain = measure(plainClassifier, lines)
            print("understand-bench: \(classifier.rules.rules.count) rules, \(lines.count) messages, \(passes) timed passes; "
                  + String(format: "%.2f patterns tried per message (plain: %.2f)", fast.patternsPerMessage, plain.patternsPerMessage))
            print(String(format: "understand-bench: %.0f msgs/s prefiltered, %.0f msgs/s plain, %d understood",
                         fast.rate, plain.rate, fast.understood))
            guard fast.understood == plain.understood, fast.commands == plain.commands else {
                for (index, pair) in zip(fast.commands, plain.commands).enumerated() where pair.0 != pair.1 {
                    print("line \(index + 1): prefiltered \(pair.0.map(String.init(describing:)) ?? "nothing"), "
                          + "plain \(pair.1.map(String.init(describing:)) ?? "nothing")")
                }
                print("understand-bench: the prefiltered and the plain path understood different messages")
                throw ExitCode(1)
            }
        }
    }

    private struct Measurement {
        let rate: Double
        let understood: Int
        let commands: [ParsedCommand?]
        let patternsPerMessage: Double
    }

    private func measure(_ classifier: RuleClassifier, _ lines: [String]) -> Measurement {
        let matcher = classifier.rules.makeMatcher()
        let commands = lines.map { line in
            classifier.classify(line, context: .init(), matcher: matcher).command
        }
        let perMessage = Double(matcher.patternsTried) / Double(max(lines.count, 1))
        var seconds: [Double] = []
        for _ in 0..<passes {
            let start = DispatchTime.now().uptimeNanoseconds
            for line in lines { _ = classifier.classify(line, context: .init(), matcher: matcher) }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Measurement(rate: Double(lines.count) / seconds.sorted()[seconds.count / 2],
                           understood: commands.compactMap { $0 }.count, commands: commands, patternsPerMessage: perMessage)
    }
}
