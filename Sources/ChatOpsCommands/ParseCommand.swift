import ArgumentParser
import ChatOpsCore
import Foundation
import Understanding

/// `chatops parse`: how a text is understood, without executing anything
/// (contract: `shared/spec/intents.md`).
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show how a text is understood (intent and slots), without executing anything.",
        discussion: """
            Exit status is 0 whether or not the text matched; non-zero only for a bad rule file or configuration.
            Examples:
              chatops parse "deploy v2.3 to staging" --json
              printf 'approve 42\\nhello\\n' | chatops parse --stdin --json
            """
    )

    @Argument(help: "The text to understand (omit with --stdin).")
    var text: String?

    @Flag(name: .long, help: "Read one text per line from standard input; write one result per line.")
    var stdin = false

    @Flag(name: .long, help: "Write JSON: {\"intent\",\"slots\",\"source\",\"rule\"}.")
    var json = false

    @Flag(name: .customLong("no-llm"), help: "Use the rules alone (also the behaviour when no LLM is configured).")
    var noLLM = false

    @Option(name: .long, help: "Channel the text was sent in (picks per-channel defaults).")
    var channel: String?

    @OptionGroup var setup: SetupOptions

    func validate() throws {
        if stdin && text != nil { throw ValidationError("give either a TEXT argument or --stdin, not both") }
        if !stdin && text == nil { throw ValidationError("give the text to parse, e.g. chatops parse \"deploy v2.3 to staging\", or use --stdin") }
    }

    func run() throws {
        try reportingSetupErrors {
            let (_, classifier) = try setup.loadClassifier()
            let matcher = classifier.rules.makeMatcher()
            let context = MessageContext(channel: channel)
            let out = OutputBuffer()
            if let text {
                out.line(render(classifier.classify(text, context: context, matcher: matcher)))
            } else {
                while let line = readLine(strippingNewline: true) {
                    let text = line.hasSuffix("\r") ? String(line.dropLast()) : line
                    out.line(render(classifier.classify(text, context: context, matcher: matcher)))
                }
            }
            out.flush()
        }
    }

    func render(_ result: UnderstandingResult) -> String {
        json ? ParseOutput.json(result) : ParseOutput.human(result)
    }
}

/// The two renderings of a parse result.
enum ParseOutput {
    /// Exactly the spec's object: `intent`, `slots`, `source`, and `rule` when the source is a rule.
    static func json(_ result: UnderstandingResult) -> String {
        guard let command = result.command else { return #"{"intent":null,"slots":{},"source":"none"}"# }
        var out = #"{"intent":"# + JSONText.string(command.intent.rawValue) + #","slots":"# + JSONText.object(command.slots)
            + #","source":"# + JSONText.string(command.source.rawValue)
        if let rule = command.ruleID, command.source == .rule { out += #","rule":"# + JSONText.string(rule) }
        return out + "}"
    }

    static func human(_ result: UnderstandingResult) -> String {
        switch result {
        case .understood(let command):
            let slots = command.slots.keys.sorted().map { "\($0)=\(command.slots[$0]!)" }.joined(separator: " ")
            let origin = command.ruleID.map { "rule \($0)" } ?? command.source.rawValue
            return "\(command.intent.rawValue)\(slots.isEmpty ? "" : " " + slots)  (\(origin))"
        case .notUnderstood(let reason):
            return reason.map { "no match: \($0)" } ?? "no match"
        }
    }
}
