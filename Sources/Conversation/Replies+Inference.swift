import Approvals
import ChatOpsCore
import Foundation
import ReplyModel

/// What the bot says about commands the model inferred.
extension Replies {
    /// "Did you mean …?" with Yes / No, in the bot's words from the validated command.
    static func confirmInferred(_ confirmation: PendingConfirmation, requester: String, now: Date) -> Reply {
        let phrase = CommandPhrase.text(confirmation.command.intent, confirmation.command.slots)
        return Reply(.warning, [
            .text("Did you mean: \(phrase)?"),
            .text("No rule matched your message; the language model read it this way. Nothing happens unless you, "
                  + "\(requester), confirm within \(duration(confirmation.question.expiresAt.timeIntervalSince(now))); "
                  + "then the usual policy and approvals apply."),
            .buttons([
                ReplyButton(label: "Yes", action: ReplyAction(kind: .confirm, requestID: confirmation.id), style: .primary),
                ReplyButton(label: "No", action: ReplyAction(kind: .cancel, requestID: confirmation.id), style: .danger),
            ]),
        ])
    }

    /// A read-only command the model inferred: said before it is answered.
    static func inferredRead(_ command: ParsedCommand) -> Reply {
        .text("I read this as `\(CommandPhrase.text(command.intent, command.slots))` (inferred by the language model; "
              + "no rule matched).", severity: .info)
    }

    static func inferredButInvalid(_ intent: String, problem: String) -> String {
        "the language model read it as `\(intent.prefix(20))`, but \(problem)"
    }

    static func modelUnavailable(_ reason: String) -> String {
        "no rule matched, and the language model is unavailable (\(reason)); until it is back I understand only the "
            + "commands `help` lists"
    }

    static func notYourConfirmation(_ confirmation: PendingConfirmation) -> Reply {
        .text("Only the person who asked can confirm `\(CommandPhrase.text(confirmation.command.intent, confirmation.command.slots))`; "
              + "nothing was done. Ask the bot yourself if you want it.", severity: .warning)
    }

    static func confirmationSettled(_ confirmation: PendingConfirmation, state: PendingConfirmation.State) -> Reply {
        let phrase = CommandPhrase.text(confirmation.command.intent, confirmation.command.slots)
        switch state {
        case .expired, .pending:
            return .text("`\(phrase)` was not confirmed in time, so nothing was done. Ask again if you still want it.", severity: .warning)
        case .confirmed:
            return .text("`\(phrase)` was already confirmed; it is not asked for twice.", severity: .info)
        case .declined:
            return .text("`\(phrase)` was already cancelled; nothing was done.", severity: .info)
        }
    }

    static func confirmationDeclined(_ confirmation: PendingConfirmation) -> Reply {
        .text("OK: not doing `\(CommandPhrase.text(confirmation.command.intent, confirmation.command.slots))`. Nothing was done.",
              severity: .info)
    }
}
