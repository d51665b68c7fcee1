import Foundation

/// What recording a vote did.
public enum FeedbackRecording: Sendable, Hashable {
    case recorded
    /// The voter had voted the other way on this prompt version in this conversation.
    case changed
    /// The same vote again: nothing changed.
    case unchanged
}

/// The votes on one prompt version.
public struct FeedbackCount: Sendable, Hashable {
    public let promptVersion: String
    public let helpful: Int
    public let unhelpful: Int

    public init(promptVersion: String, helpful: Int, unhelpful: Int) {
        self.promptVersion = promptVersion
        self.helpful = helpful
        self.unhelpful = unhelpful
    }
}

/// Helpful / Not helpful votes on AI analyses, counted per prompt version: one vote per person per
/// prompt version per conversation (a later vote replaces it).
public protocol FeedbackStore: Sendable {
    func recordFeedback(promptVersion: String, voter: String, conversation: String, helpful: Bool, at: Date) async throws
        -> FeedbackRecording
    /// Every prompt version's votes, by version.
    func feedbackCounts() async throws -> [FeedbackCount]
}
