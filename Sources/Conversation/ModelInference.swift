import ChatOpsCore
import Foundation
import Understanding

/// The LLM intent layer as the conversation uses it: who proposes, what holds proposals to the
/// catalog, and how long a proposed change waits for its author's yes.
public struct ModelInference: Sendable {
    public let proposer: any IntentProposer
    public let validator: ProposalValidator
    public let confirmationTTL: TimeInterval

    public init(proposer: any IntentProposer, validator: ProposalValidator, confirmationTTL: TimeInterval = 300) {
        self.proposer = proposer
        self.validator = validator
        self.confirmationTTL = confirmationTTL
    }

    /// What the model made of a screened, addressed message, checked: the one path the bot,
    /// `chatops parse --addressed` and `chatops eval` share.
    public enum Outcome: Sendable, Hashable {
        /// A proposal that passed every check, as a command (`source` `.llm`).
        case command(ParsedCommand, IntentProposal)
        /// A proposal that did not: why.
        case rejected(IntentProposal, ProposalRejection)
        case unavailable(reason: String, announce: Bool)
    }

    public func infer(_ text: String, screened: ScreenedText, context: MessageContext) async -> Outcome {
        switch await proposer.propose(text, context: context) {
        case .unavailable(let reason, let announce):
            return .unavailable(reason: reason, announce: announce)
        case .proposed(let proposal):
            switch validator.validate(proposal, text: screened, channel: context.channel) {
            case .failure(let rejection): return .rejected(proposal, rejection)
            case .success(let command): return .command(command, proposal)
            }
        }
    }
}

/// How a command came from the model, recorded with the request it became.
struct InferredBy: Sendable {
    let model: String
    let promptVersion: String
    let confidence: Double
    let confirmed: Bool

    /// The execution note's key.
    static let noteKey = "understood_by"

    /// `model gemini-2.5-flash-lite, prompt intent@1, confidence 0.86, confirmed by the requester`.
    var note: String {
        "model \(model), prompt \(promptVersion), confidence \(String(format: "%.2f", confidence))"
            + (confirmed ? ", confirmed by the requester" : ", read-only: answered without confirmation")
    }
}

/// What the model made of a message.
enum InferenceOutcome: Sendable {
    /// The bot answered already (asked for confirmation).
    case handled
    /// A read-only command: handle it like a rule match.
    case understood(ParsedCommand, InferredBy)
    /// Nothing usable; `reason` is said when there is one worth saying.
    case notUnderstood(String?)
}
