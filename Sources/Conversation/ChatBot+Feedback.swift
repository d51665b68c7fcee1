import ChatOpsCore
import Foundation
import ReplyModel

extension ChatBot {
    /// A Helpful / Not helpful vote on an AI analysis (a button, or `/helpful drift@1` typed on
    /// GitHub): recorded for the prompt version, one per person per conversation. Only people the
    /// configuration knows may vote. False when the message is not a vote.
    /// `body`: the message screened and lower-cased.
    func recordFeedback(_ message: IncomingMessage, body: String, sink: any ReplySink) async throws -> Bool {
        // The prefix first: a regex literal is parsed again each time it is evaluated, on every message.
        guard body.hasPrefix("helpful ") || body.hasPrefix("unhelpful "),
              let vote = body.wholeMatch(of: /(helpful|unhelpful) ([a-z][a-z0-9-]{0,40}@[0-9]{1,6})/) else { return false }
        let principal = policy.principal(platformUser: message.platformUser, roles: message.roles)
        guard principal.isKnown else {
            await sink.send(.text("Only people in this bot's configuration can vote on its analyses.", severity: .warning), to: message.origin)
            return true
        }
        let origin = message.origin
        let conversation = [origin.platform, origin.channel ?? "-", origin.thread ?? origin.messageID ?? "-"].joined(separator: " ")
        let helpful = vote.1 == "helpful", prompt = String(vote.2)
        let recording = try await store.recordFeedback(promptVersion: prompt, voter: principal.name, conversation: conversation,
                                                       helpful: helpful, at: now())
        let said = helpful ? "helpful" : "not helpful"
        let text: String
        switch recording {
        case .recorded: text = "Thanks, \(principal.name): recorded that the \(prompt) analysis was \(said)."
        case .changed: text = "Thanks, \(principal.name): your vote on the \(prompt) analysis is now \(said)."
        case .unchanged: text = "You already said the \(prompt) analysis was \(said); it counts once."
        }
        await sink.send(.text(text), to: origin)
        return true
    }
}
