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
    /// The model's analysis, with the model that wrote it and the prompt's version (`drift@1`).
    case analysed(text: String, model: String, promptVersion: String)
    /// No analysis: why, in a few words.
    case unavailable(String)
}

extension AnalysisOutcome {
    /// The analysis as reply blocks: a heading naming its source, its text, and Helpful / Not
    /// helpful buttons that count for its prompt version; or a line saying why there is none.
    public var blocks: [ReplyBlock] {
        switch self {
        case .analysed(let text, let model, let version):
            return [.text("AI analysis (\(model), \(version)); check it against the evidence:"), .text(text),
                    .buttons([ReplyButton(label: "Helpful", action: .feedback(helpful: true, prompt: version), style: .primary),
                              ReplyButton(label: "Not helpful", action: .feedback(helpful: false, prompt: version), style: .danger)])]
        case .unavailable(let reason):
            return [.text("No AI analysis: \(reason).")]
        }
    }
}
