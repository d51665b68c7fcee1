import ChatOpsCore
import Foundation

/// A command the model inferred from a message no rule understood, waiting for the person who
/// wrote it to say yes or no. Only a yes from them, before it expires, turns it into a request.
public struct PendingConfirmation: Sendable, Hashable {
    public enum State: String, Sendable, Hashable { case pending, confirmed, declined, expired }

    public let id: Int64
    public let question: ConfirmationQuestion
    public let createdAt: Date
    public let state: State

    public init(id: Int64, question: ConfirmationQuestion, createdAt: Date, state: State) {
        self.id = id
        self.question = question
        self.createdAt = createdAt
        self.state = state
    }

    public var command: ParsedCommand { question.command }
    public var origin: MessageOrigin { question.origin }
}

/// What the bot asks its author to confirm, as recorded.
public struct ConfirmationQuestion: Sendable, Hashable {
    /// Validated like a rule match; `source` is `.llm`.
    public var command: ParsedCommand
    /// The message as written.
    public var text: String
    /// Who wrote it (`slack:W111`): the only one whose answer counts.
    public var platformUser: String
    public var origin: MessageOrigin
    /// The model's own reading (logged; the bot asks in its own words).
    public var paraphrase: String
    /// `gemini-2.5-flash-lite`, and the prompt's `intent@1`.
    public var model: String
    public var promptVersion: String
    public var confidence: Double
    public var expiresAt: Date

    public init(command: ParsedCommand, text: String, platformUser: String, origin: MessageOrigin, paraphrase: String, model: String,
                promptVersion: String, confidence: Double, expiresAt: Date) {
        self.command = command
        self.text = text
        self.platformUser = platformUser
        self.origin = origin
        self.paraphrase = paraphrase
        self.model = model
        self.promptVersion = promptVersion
        self.confidence = confidence
        self.expiresAt = expiresAt
    }
}

/// What answering a confirmation did.
public enum ConfirmationAnswer: Sendable, Hashable {
    /// This answer settled it (pending → confirmed or declined).
    case settled(PendingConfirmation)
    /// It was settled before (a repeated click, a second `yes`), or it expired.
    case alreadySettled(PendingConfirmation.State)
    /// Someone else answered: nothing changed.
    case notTheirs
    case notFound
}

/// Confirmations of model-inferred commands, kept in the store so they survive a restart.
public protocol ConfirmationStore: Sendable {
    func createConfirmation(_ question: ConfirmationQuestion, at: Date) async throws -> PendingConfirmation
    func confirmation(id: Int64) async throws -> PendingConfirmation?
    /// The newest confirmation of `platformUser` in the conversation of `origin` (same platform,
    /// channel and thread) asked since `since`, whatever its state: what a bare `yes` or `no`
    /// answers (a late one is told it expired, a second one that it was answered).
    func latestConfirmation(platformUser: String, in origin: MessageOrigin, since: Date) async throws -> PendingConfirmation?
    /// Settles confirmation `id` as `state` (confirmed or declined) if `platformUser` wrote it and
    /// it is still pending and unexpired; once only.
    func answerConfirmation(id: Int64, platformUser: String, state: PendingConfirmation.State, at: Date) async throws
        -> ConfirmationAnswer
}
