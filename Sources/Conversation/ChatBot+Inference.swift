import Approvals
import ChatOpsCore
import Foundation
import ReplyModel
import Understanding

extension ChatBot {
    /// An addressed message no rule understood: the model proposes a command, which is held to
    /// the catalog, the slot validators and the guards. A read-only one is answered (saying it
    /// was inferred); a change waits for its author's yes; anything else is "not understood".
    func infer(_ message: IncomingMessage, screened: ScreenedText, context: MessageContext,
               sink: any ReplySink) async throws -> InferenceOutcome {
        guard let inference else { return .notUnderstood(nil) }
        let command: ParsedCommand, proposal: IntentProposal
        switch await inference.infer(message.text, screened: screened, context: context) {
        case .unavailable(let reason, let announce):
            return .notUnderstood(announce ? Replies.modelUnavailable(reason) : nil)
        case .rejected(let proposed, .invalidSlot(let problem)):
            return .notUnderstood(Replies.inferredButInvalid(proposed.intent ?? "", problem: problem.message))
        case .rejected:
            return .notUnderstood(nil)
        case .command(let valid, let proposed):
            (command, proposal) = (valid, proposed)
        }
        let principal = policy.principal(platformUser: message.platformUser, roles: message.roles)
        let by = InferredBy(model: proposal.model, promptVersion: proposal.promptVersion, confidence: proposal.confidence,
                            confirmed: command.intent.isMutating)
        // Reads are answered at once; so is anything from someone the configuration does not know
        // (policy refuses them without storing anything, as for a rule match).
        guard command.intent.isMutating, principal.isKnown else {
            if !command.intent.isMutating { await sink.send(Replies.inferredRead(command), to: message.origin) }
            return .understood(command, by)
        }
        if let question = missingTarget(command) {
            await sink.send(question, to: message.origin)
            return .handled
        }
        let confirmation = try await store.createConfirmation(ConfirmationQuestion(
            command: command, text: message.text, platformUser: message.platformUser, origin: message.origin,
            paraphrase: proposal.paraphrase, model: proposal.model, promptVersion: proposal.promptVersion,
            confidence: proposal.confidence, expiresAt: now().addingTimeInterval(inference.confirmationTTL)), at: now())
        await sink.send(Replies.confirmInferred(confirmation, requester: principal.name, now: now()), to: message.origin)
        return .handled
    }
}
