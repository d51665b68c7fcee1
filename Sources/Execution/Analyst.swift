import ReplyModel

/// An AI analysis of the evidence a backend gathered (an incident's root causes, a drift's
/// classification, a failed run's triage), when a language model is configured. The backend
/// shows it next to the evidence, never instead of it; without a model, or when the model fails,
/// the evidence alone is the answer.
public protocol Analyst: Sendable {
    func analyse(_ request: AnalysisRequest) async -> AnalysisOutcome
}

/// What to analyse: the prompt (`incident-rca`, `drift`, `pipeline-triage`), the values it names,
/// and the evidence as text.
public struct AnalysisRequest: Sendable, Hashable {
    public var prompt: String
    /// Values for the prompt's fields; `true` turns a section on (`{{#secrets}}`).
    public var values: [String: AnalysisValue]
    public var evidence: String

    public init(prompt: String, values: [String: AnalysisValue], evidence: String) {
        self.prompt = prompt
        self.values = values
        self.evidence = evidence
    }
}

public enum AnalysisValue: Sendable, Hashable, ExpressibleByStringLiteral {
    case text(String)
    case flag(Bool)

    public init(stringLiteral value: String) { self = .text(value) }
}

public enum AnalysisOutcome: Sendable, Hashable {
    /// The model's analysis; `source` says which model and prompt version wrote it
    /// (`gemini-2.5-flash-lite, incident-rca@1`).
    case analysed(text: String, source: String)
    /// No analysis: why, in a few words.
    case unavailable(String)
}

extension AnalysisOutcome {
    /// The analysis as reply blocks: a heading naming its source, then its text; or a line
    /// saying why there is none.
    public var blocks: [ReplyBlock] {
        switch self {
        case .analysed(let text, let source): return [.text("AI analysis (\(source)); check it against the evidence:"), .text(text)]
        case .unavailable(let reason): return [.text("No AI analysis: \(reason).")]
        }
    }
}
