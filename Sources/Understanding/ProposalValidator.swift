import ChatOpsCore

/// Holds a model's proposal to everything a rule match is held to, and more: the intent must be
/// in the catalog and one the model may propose, every slot one the intent takes and valid by the
/// same normaliser (environments, catalog names, versions, numbers, free text without shell
/// characters), the confidence above the threshold, and a change is never read into a question.
public struct ProposalValidator: Sendable {
    public let normalizer: SlotNormalizer
    public let minimumConfidence: Double
    /// Approvals and denials are decisions about someone else's request: they must be typed in
    /// the catalog's words, never inferred.
    public static let notInferable: Set<Intent> = [.approve, .deny]

    public init(normalizer: SlotNormalizer, minimumConfidence: Double = 0.7) {
        self.normalizer = normalizer
        self.minimumConfidence = minimumConfidence
    }

    public func validate(_ proposal: IntentProposal, text: ScreenedText, channel: String?) -> Result<ParsedCommand, ProposalRejection> {
        guard let name = proposal.intent?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty, name != "none" else {
            return .failure(.noCommand)
        }
        guard let intent = Intent(rawValue: name) else { return .failure(.unknownIntent(String(name.prefix(40)))) }
        guard !Self.notInferable.contains(intent) else { return .failure(.notInferable(intent)) }
        guard proposal.confidence.isFinite, proposal.confidence >= minimumConfidence, proposal.confidence <= 1 else {
            return .failure(.lowConfidence(proposal.confidence, minimum: minimumConfidence))
        }
        if let unknown = proposal.slots.keys.sorted().first(where: { intent.slot(named: $0) == nil }) {
            return .failure(.unknownSlot(String(unknown.prefix(40)), intent))
        }
        if intent.isMutating, Self.isQuestion(text) { return .failure(.changeReadIntoQuestion(intent)) }
        let raw = proposal.slots.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        switch normalizer.normalize(raw, intent: intent, channel: channel) {
        case .failure(let problem): return .failure(.invalidSlot(problem))
        case .success(let slots): return .success(ParsedCommand(intent: intent, slots: slots, source: .llm, ruleID: nil))
        }
    }

    /// A question about how things are ("why is iris slow?", "is the build green?"): never a change.
    static func isQuestion(_ text: ScreenedText) -> Bool {
        let first = text.body.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let interrogatives: Set<String> = ["why", "what", "what's", "whats", "how", "how's", "who", "when", "where", "which",
                                           "is", "are", "was", "were", "does", "did", "has", "have"]
        return interrogatives.contains(first) || (text.endsWithQuestionMark && !text.isPoliteQuestion)
    }
}

/// Why a proposal was not taken, for the log and, in words, for the person.
public enum ProposalRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case noCommand
    case unknownIntent(String)
    case notInferable(Intent)
    case lowConfidence(Double, minimum: Double)
    case unknownSlot(String, Intent)
    case changeReadIntoQuestion(Intent)
    case invalidSlot(SlotProblem)

    public var description: String {
        switch self {
        case .noCommand: return "the model saw no command in it"
        case .unknownIntent(let name): return "the model proposed '\(name)', which is not a command the bot knows"
        case .notInferable(let intent): return "\(intent.rawValue) must be typed as a command (`\(intent.rawValue) 42`), never inferred"
        case .lowConfidence(let value, let minimum):
            return "the model was not sure enough (\(Int((value * 100).rounded()))% < \(Int((minimum * 100).rounded()))%)"
        case .unknownSlot(let slot, let intent): return "the model gave '\(slot)', which \(intent.rawValue) does not take"
        case .changeReadIntoQuestion(let intent): return "the model read a question as a request to \(intent.rawValue)"
        case .invalidSlot(let problem): return problem.message
        }
    }
}
