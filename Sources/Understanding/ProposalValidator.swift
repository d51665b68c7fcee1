import ChatOpsCore
import Foundation

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
        guard let intent = Intent(rawValue: name), !intent.isInternal else { return .failure(.unknownIntent(String(name.prefix(40)))) }
        guard !Self.notInferable.contains(intent) else { return .failure(.notInferable(intent)) }
        guard proposal.confidence.isFinite, proposal.confidence >= minimumConfidence, proposal.confidence <= 1 else {
            return .failure(.lowConfidence(proposal.confidence, minimum: minimumConfidence))
        }
        if let unknown = proposal.slots.keys.sorted().first(where: { intent.slot(named: $0) == nil }) {
            return .failure(.unknownSlot(String(unknown.prefix(40)), intent))
        }
        if intent.isMutating, Self.isQuestion(text) { return .failure(.changeReadIntoQuestion(intent)) }
        // The same last check a rule match gets: nothing conditional or scheduled ("… later").
        if let refusal = MutationGuard().refusal(for: intent, text: text) { return .failure(.guarded(refusal)) }
        let raw = proposal.slots.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        switch normalizer.normalize(raw, intent: intent, channel: channel) {
        case .failure(let problem): return .failure(.invalidSlot(problem))
        case .success(let slots):
            if intent.isMutating, let invented = ungrounded(slots, of: intent, in: text.body) { return .failure(.notInMessage(invented)) }
            return .success(ParsedCommand(intent: intent, slots: slots, source: .llm, ruleID: nil))
        }
    }

    /// A change must not rest on a value the model made up: its environment, numbers and version
    /// must be in the message (an environment by its name or an alias, a number as digits or a
    /// word, a version's numbers either way). The app may be described ("the flower model"): the
    /// confirmation shows which one was read. The first slot that is not there, or nil.
    func ungrounded(_ slots: [String: SlotValue], of intent: Intent, in body: String) -> String? {
        let words = Set(body.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "-" })
            .flatMap { word -> [String] in [String(word), String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))] })
        for spec in intent.slots {
            guard let value = slots[spec.name] else { continue }
            switch spec.kind {
            case .environment:
                guard let env = value.stringValue.flatMap(normalizer.catalog.environment(named:)) else { continue }
                if !([env.name] + env.aliases).contains(where: { words.contains($0.lowercased()) }) { return spec.name }
            case .integer:
                guard let number = value.integerValue else { continue }
                if !Self.stated(number, in: words) { return spec.name }
            case .version:
                let numbers = (value.stringValue ?? "").split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                let written = (value.stringValue ?? "").lowercased()
                let plain = written.hasPrefix("v") ? String(written.dropFirst()) : written
                if !(words.contains(written) || words.contains(plain) || numbers.allSatisfy { Self.stated($0, in: words) }) { return spec.name }
            default:
                continue
            }
        }
        return nil
    }

    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]

    static func stated(_ number: Int, in words: Set<String>) -> Bool {
        words.contains(String(number)) || words.contains("#\(number)") || (number < numberWords.count && words.contains(numberWords[number]))
            || words.contains { $0.split(separator: ".").contains(Substring(String(number))) }
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
    /// What a rule match would be refused for (a conditional or scheduled change).
    case guarded(String)
    /// The model filled a slot of a change with a value the message does not state.
    case notInMessage(String)

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
        case .guarded(let refusal): return refusal
        case .notInMessage(let slot): return "the model filled \(slot) with a value the message does not state"
        }
    }
}
