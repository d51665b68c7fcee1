import ArgumentParser
import ChatOpsCore
import Foundation
import Logging
import Understanding

/// `chatops eval FILE.jsonl`: labelled texts through the whole understanding path (the rules,
/// then the model when one is configured), scored.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the understanding path on labelled texts: per-intent recall, out-of-scope rejection, wrong slots, false actions.",
        discussion: """
            Each line of FILE is {"text":"…","intent":"deploy","slots":{"version":"v2.3","env":"prod"}}, intent null for a
            text that is not a command; only the slots a line names are compared. Texts are understood as addressed to the
            bot, so the model is asked when no rule matches (unless --no-llm, or no model is configured). For every miss
            the report shows what the model was asked and answered. Exit status 1 when any text led to a change it does
            not ask for (a false action); 2 for a bad file or configuration.
              chatops eval Tests/UnderstandingTests/Fixtures/labelled.jsonl
            """
    )

    @Argument(help: "A JSON Lines file of labelled texts.")
    var file: String

    @Flag(name: .customLong("no-llm"), help: "Use the rules alone.")
    var noLLM = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        var falseActions = 0
        try await reportingSetupErrors {
            let contents: String
            do { contents = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw SetupError(message: "cannot read \(file): \(error.localizedDescription)")
            }
            let items = try LabelledText.read(contents, file: file)
            var logger = Logger(label: "chatops.eval")
            logger.logLevel = .critical
            try await setup.withInference(wanted: !noLLM, logger: logger) { classifier, inference in
                let understander = Understander(classifier: classifier, matcher: classifier.rules.makeMatcher(), inference: inference)
                let context = MessageContext(isAddressedByPlatform: true)
                let evaluation = await Evaluation.run(items) { text in
                    let result = await understander.understand(text, context: context)
                    return Evaluation.Outcome(result: result.understanding, trace: result.trace)
                }
                print("understanding: rules\(inference == nil ? " alone" : " then the language model")")
                print(evaluation.report)
                falseActions = evaluation.falseActions
            }
        }
        if falseActions > 0 { throw ExitCode(1) }
    }
}
