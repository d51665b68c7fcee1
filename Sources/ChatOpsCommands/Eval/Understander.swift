import ChatOpsCore
import Conversation
import Foundation
import IntentInference
import RuleEngine
import Understanding

/// The understanding path as `parse` and `eval` run it: the rules, then, for an addressed text
/// no rule matched, the model through the same checks the bot applies.
struct Understander {
    let classifier: RuleClassifier
    let matcher: RuleMatcher
    /// Nil: rules alone (`--no-llm`, no model configured, or a text not addressed to the bot).
    let inference: ModelInference?

    struct Result {
        let understanding: UnderstandingResult
        /// The model's confidence, when the command came from it.
        let confidence: Double?
        /// What the model was asked and answered, when it was asked.
        let trace: String?
    }

    func understand(_ text: String, context: MessageContext) async -> Result {
        let ruled = classifier.classify(text, context: context, matcher: matcher)
        guard ruled == .notUnderstood(reason: nil), let inference,
              let screened = classifier.screenedForModel(text, context: context) else {
            return Result(understanding: ruled, confidence: nil, trace: nil)
        }
        let asked = (inference.proposer as? ModelIntentProposer).map { "asked: " + $0.request(for: text).prompt } ?? "asked the model"
        switch await inference.infer(text, screened: screened, context: context) {
        case .command(let command, let proposal):
            return Result(understanding: .understood(command), confidence: proposal.confidence,
                          trace: asked + "\n" + Self.answer(proposal) + "\naccepted")
        case .rejected(let proposal, let rejection):
            let reason: String? = if case .invalidSlot(let problem) = rejection { problem.message } else { nil }
            return Result(understanding: .notUnderstood(reason: reason), confidence: nil,
                          trace: asked + "\n" + Self.answer(proposal) + "\nrejected: \(rejection)")
        case .unavailable(let reason, _):
            return Result(understanding: ruled, confidence: nil, trace: asked + "\nno answer: \(reason)")
        }
    }

    static func answer(_ proposal: IntentProposal) -> String {
        let slots = proposal.slots.keys.sorted().map { "\($0)=\(proposal.slots[$0]!)" }.joined(separator: " ")
        return "answered (\(proposal.model), \(proposal.promptVersion)): intent=\(proposal.intent ?? "none")"
            + (slots.isEmpty ? "" : " " + slots) + " confidence=\(proposal.confidence) paraphrase=\"\(proposal.paraphrase)\""
    }
}
