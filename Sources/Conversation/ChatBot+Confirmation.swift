import Approvals
import ChatOpsCore
import Foundation
import ReplyModel

extension ChatBot {
    /// A yes or no to a command the model inferred: a Yes / No button (`confirm 7`, `cancel 7`),
    /// the same typed, or a bare `yes` / `no` from its author in the same conversation. Only
    /// the author's answer counts, once, before it expires. False when the message is not one.
    /// `body`: the message screened and lower-cased. A bare yes or no counts only while a model
    /// is configured; `confirm N` (a button) also after it was switched off.
    func answerConfirmation(_ message: IncomingMessage, body: String, sink: any ReplySink) async throws -> Bool {
        guard let answer = ConfirmationWords.parse(body), answer.id != nil || inference != nil else { return false }
        let pending: PendingConfirmation
        if let id = answer.id {
            guard let found = try await store.confirmation(id: id) else { return false }
            pending = found
        } else {
            // A bare yes or no answers the author's latest question here, for twice its lifetime
            // (then it is ordinary chat again).
            let window = 2 * (inference?.confirmationTTL ?? 300)
            guard let found = try await store.latestConfirmation(platformUser: message.platformUser, in: message.origin,
                                                                 since: now().addingTimeInterval(-window)) else {
                return false
            }
            pending = found
        }
        switch try await store.answerConfirmation(id: pending.id, platformUser: message.platformUser,
                                                  state: answer.isYes ? .confirmed : .declined, at: now()) {
        case .notFound:
            return false
        case .notTheirs:
            await sink.send(Replies.notYourConfirmation(pending), to: message.origin)
        case .alreadySettled(let state):
            await sink.send(Replies.confirmationSettled(pending, state: state), to: message.origin)
        // Answered where the author answered (the question's conversation, unless typed elsewhere by
        // id): a Discord `/chatops yes` waits for its own reply, which the question's origin never gives.
        case .settled(let settled) where settled.state == .declined:
            await sink.send(Replies.confirmationDeclined(settled), to: message.origin)
        case .settled(let settled):
            let original = IncomingMessage(platformUser: message.platformUser, roles: message.roles, origin: message.origin,
                                           text: settled.question.text, isAddressedByPlatform: true)
            let input = ParsedCommandInContext(command: settled.command, message: original,
                                               principal: policy.principal(platformUser: message.platformUser, roles: message.roles))
            let question = settled.question
            let by = InferredBy(model: question.model, promptVersion: question.promptVersion, confidence: question.confidence,
                                confirmed: true)
            try await request(input, sink: sink, inferred: by)
        }
        return true
    }
}

/// The words that answer "Did you mean …?".
public enum ConfirmationWords {
    /// Whether `text` is a bare yes or no (`yes`, `Go ahead`, `no.`): what a platform that sees
    /// every reply in a thread passes on, unaddressed, for the bot to match with its question.
    public static func isBareAnswer(_ text: String) -> Bool {
        let body = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".!")))
        return yes.contains(body) || no.contains(body)
    }

    static let yes: Set<String> = ["yes", "y", "yep", "yeah", "yes do it", "do it", "go ahead", "confirm", "confirmed"]
    static let no: Set<String> = ["no", "n", "nope", "nah", "cancel", "don't", "dont", "stop", "never mind", "nevermind", "abort"]

    struct Answer { let isYes: Bool; let id: Int64? }

    /// `confirm 7` / `cancel 7` (a button, or typed), or a bare yes or no, in screened lower-case text.
    static func parse(_ body: String) -> Answer? {
        // The prefix first: a regex literal is parsed again each time it is evaluated, on every message.
        if ["confirm ", "cancel ", "yes ", "no "].contains(where: body.hasPrefix),
           let match = body.wholeMatch(of: /(confirm|cancel|yes|no) #?([0-9]{1,18})/), let id = Int64(match.2) {
            return Answer(isYes: match.1 == "confirm" || match.1 == "yes", id: id)
        }
        if yes.contains(body) { return Answer(isYes: true, id: nil) }
        if no.contains(body) { return Answer(isYes: false, id: nil) }
        return nil
    }
}
