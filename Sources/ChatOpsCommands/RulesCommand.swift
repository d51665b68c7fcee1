import ArgumentParser
import Understanding

/// `chatops rules lint|test`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the rule files.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self]
    )
}

struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load every rule file; report errors, overlapping rules of different intents, and thin coverage.",
        discussion: "Exit status: 2 for a broken rule file; 1 for findings with --strict; else 0."
    )

    @Flag(name: .long, help: "Exit non-zero when there are findings.")
    var strict = false

    @OptionGroup var setup: SetupOptions

    func run() throws {
        try reportingSetupErrors {
            let (_, classifier) = try setup.loadClassifier()
            let findings = RuleLinter(classifier: classifier).run()
            for finding in findings { print(finding) }
            let rules = classifier.rules.rules
            let files = Set(rules.map(\.location.file)).count
            let patterns = rules.reduce(0) { $0 + $1.patterns.count }
            if let prefilter = classifier.rules.prefilterSummary {
                print("rules lint: \(prefilter)")
                if prefilter.unfiltered > 0 {
                    print("rules lint: tried on every text (no literal every match must contain): "
                          + Set(prefilter.unfilteredRuleIDs).sorted().joined(separator: ", "))
                }
            }
            print("rules lint: \(rules.count) rules, \(patterns) patterns in \(files) files; \(findings.count) finding(s)")
            if strict && !findings.isEmpty { throw ExitCode(1) }
        }
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and counterexamples; print failures; exit 1 on any.",
        discussion: "An example must give its rule's intent with exactly its slots (after normalisation and defaults); "
            + "a counterexample must not be matched by its rule."
    )

    @OptionGroup var setup: SetupOptions

    func run() throws {
        try reportingSetupErrors {
            let (_, classifier) = try setup.loadClassifier()
            let report = RuleTester(classifier: classifier).run()
            for failure in report.failures { print("FAIL \(failure)") }
            print("rules test: \(report.examples) examples and \(report.counterexamples) counterexamples checked; "
                  + "\(report.failures.count) failure(s)")
            if !report.passed { throw ExitCode(1) }
        }
    }
}
