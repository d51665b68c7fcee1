import Foundation

/// What recording a vote did.
public enum FeedbackRecording: Sendable, Hashable {
    case recorded
    /// The voter had voted the other way on this prompt version in this conversation.
    case changed
    /// The same vote again: nothing changed.
    case unchanged
}

/// The answers written with one prompt version, and the votes on them.
public struct FeedbackCount: Sendable, Hashable {
    public let promptVersion: String
    /// The analyses stored with this version.
    public let answers: Int
    public let helpful: Int
    public let unhelpful: Int

    public init(promptVersion: String, answers: Int = 0, helpful: Int, unhelpful: Int) {
        self.promptVersion = promptVersion
        self.answers = answers
        self.helpful = helpful
        self.unhelpful = unhelpful
    }
}

/// One AI analysis as it was shown, with the prompt version and model that wrote it.
public struct AnalysisRecord: Sendable, Hashable {
    public let promptVersion: String
    public let model: String
    /// What it was about (`diagnose iris-classifier in prod`).
    public let subject: String
    public let text: String

    public init(promptVersion: String, model: String, subject: String, text: String) {
        self.promptVersion = promptVersion
        self.model = model
        self.subject = subject
        self.text = text
    }
}

/// AI analyses kept with their prompt version, and Helpful / Not helpful votes on them, counted per prompt version: one vote per person per
/// prompt version per conversation (a later vote replaces it).
public protocol FeedbackStore: Sendable {
    func recordFeedback(promptVersion: String, voter: String, conversation: String, helpful: Bool, at: Date) async throws
        -> FeedbackRecording
    /// Every prompt version's analyses and votes, by version.
    func feedbackCounts() async throws -> [FeedbackCount]
    /// Keeps an analysis with its prompt version, so that votes can be read against what was said.
    func recordAnalysis(_ analysis: AnalysisRecord, at: Date) async throws
    /// The newest analyses first.
    func analyses(limit: Int) async throws -> [(record: AnalysisRecord, at: Date)]
}
