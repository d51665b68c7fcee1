import ArgumentParser
import ChatOpsCore
import Foundation
import Logging
import Understanding

/// `chatops parse`: how a text is understood, without executing anything
/// (contract: `shared/spec/intents.md`).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show how a text is understood (intent and slots), without executing anything.",
        discussion: """
            Exit status is 0 whether or not the text matched; non-zero only for a bad rule file or configuration.
            Examples:
              chatops parse "deploy v2.3 to staging" --json
              printf 'approve 42\\nhello\\n' | chatops parse --stdin --json
              chatops parse --addressed "can you push 2.3 out to staging" --json   (asks the model when no rule matches)
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

    @Flag(name: .long, help: "Understand the text as addressed to the bot (a slash command, a direct message or an @mention): the case in which the LLM layer is asked when no rule matches.")
    var addressed = false

    @Option(name: .long, help: "Channel the text was sent in (picks per-channel defaults).")
    var channel: String?

    @OptionGroup var setup: SetupOptions

    func validate() throws {
        if stdin && text != nil { throw ValidationError("give either a TEXT argument or --stdin, not both") }
        if !stdin && text == nil { throw ValidationError("give the text to parse, e.g. chatops parse \"deploy v2.3 to staging\", or use --stdin") }
    }

    func run() async throws {
        try await reportingSetupErrors {
            var logger = Logger(label: "chatops.parse")
            logger.logLevel = .critical
            try await setup.withInference(wanted: addressed && !noLLM, logger: logger) { classifier, inference in
                let understander = Understander(classifier: classifier, matcher: classifier.rules.makeMatcher(), inference: inference)
                let context = MessageContext(channel: channel, isAddressedByPlatform: addressed)
                let out = OutputBuffer()
                if let text {
                    out.line(render(await understander.understand(text, context: context)))
                } else {
                    while let line = readLine(strippingNewline: true) {
                        let text = line.hasSuffix("\r") ? String(line.dropLast()) : line
                        out.line(render(await understander.understand(text, context: context)))
                    }
                }
                out.flush()
            }
        }
    }

    func render(_ result: Understander.Result) -> String {
        json ? ParseOutput.json(result.understanding, confidence: result.confidence)
            : ParseOutput.human(result.understanding, confidence: result.confidence)
    }
}

/// The two renderings of a parse result.
enum ParseOutput {
    /// Exactly the spec's object: `intent`, `slots`, `source`, and `rule` when the source is a rule.
    static func json(_ result: UnderstandingResult, confidence: Double? = nil) -> String {
        guard let command = result.command else { return #"{"intent":null,"slots":{},"source":"none"}"# }
        var out = #"{"intent":"# + JSONText.string(command.intent.rawValue) + #","slots":"# + JSONText.object(command.slots)
            + #","source":"# + JSONText.string(command.source.rawValue)
        if let rule = command.ruleID, command.source == .rule { out += #","rule":"# + JSONText.string(rule) }
        if let confidence, command.source == .llm { out += #","confidence":"# + NumberFormatting.shortest(confidence) }
        return out + "}"
    }

    static func human(_ result: UnderstandingResult, confidence: Double? = nil) -> String {
        switch result {
        case .understood(let command):
            let slots = command.slots.keys.sorted().map { "\($0)=\(command.slots[$0]!)" }.joined(separator: " ")
            let origin = command.ruleID.map { "rule \($0)" }
                ?? command.source.rawValue + (confidence.map { ", confidence " + NumberFormatting.shortest($0) } ?? "")
            return "\(command.intent.rawValue)\(slots.isEmpty ? "" : " " + slots)  (\(origin))"
        case .notUnderstood(let reason):
            return reason.map { "no match: \($0)" } ?? "no match"
        }
    }
}
