import ChatOpsConfig
import ChatOpsCore
import RuleEngine

/// Text in, validated command out, by rules alone: screen the message, try the rules in
/// priority order, and take the first match whose slots validate.
public struct RuleClassifier: Sendable {
    public let rules: RuleSet
    public let screen: MessageScreen
    public let normalizer: SlotNormalizer
    let mutationGuard = MutationGuard()

    public init(rules: RuleSet, screen: MessageScreen, normalizer: SlotNormalizer) {
        self.rules = rules
        self.screen = screen
        self.normalizer = normalizer
    }

    public init(rules: RuleSet, configuration: ChatOpsConfiguration) {
        self.init(rules: rules, screen: MessageScreen(botNames: configuration.botNames),
                  normalizer: SlotNormalizer(catalog: configuration.catalog, defaults: configuration.defaults))
    }

    /// Classifies with a matcher made for this call; prefer `classify(_:context:matcher:)` in loops.
    public func classify(_ text: String, context: MessageContext = .init()) -> UnderstandingResult {
        classify(text, context: context, matcher: rules.makeMatcher())
    }

    public func classify(_ text: String, context: MessageContext, matcher: RuleMatcher) -> UnderstandingResult {
        let screened: ScreenedText
        switch screen.screen(text, addressedByPlatform: context.isAddressedByPlatform) {
        case .success(let s): screened = s
        case .failure(let rejection):
            return .notUnderstood(reason: rejection == .empty ? nil : rejection.description)
        }
        // A command with a free-text slot is read from the text with its trailing words kept,
        // so that stripping "now" cannot cut the slot ("deny 2 not now"); anything else from the body.
        if screened.freeTextBody != screened.body,
           case .understood(let command) = classify(screened, text: screened.freeTextBody, context: context, matcher: matcher),
           !Self.freeText(command.slots, of: command.intent).isEmpty {
            return .understood(command)
        }
        return classify(screened, text: screened.body, context: context, matcher: matcher)
    }

    /// The message as the model may see it: screened clean (no code, hidden characters,
    /// look-alike letters, or someone else addressed) and addressed to the bot. Nil otherwise.
    public func screenedForModel(_ text: String, context: MessageContext) -> ScreenedText? {
        guard case .success(let screened) = screen.screen(text, addressedByPlatform: context.isAddressedByPlatform),
              screened.isAddressed else { return nil }
        return screened
    }

    func classify(_ screened: ScreenedText, text: String, context: MessageContext, matcher: RuleMatcher) -> UnderstandingResult {
        var firstRefusal: String?
        var result: UnderstandingResult?
        let limitErrors = matcher.forEachMatch(in: text) { match in
            switch normalizer.normalize(match.captures, intent: match.intent, channel: context.channel) {
            case .failure(let problem):
                if firstRefusal == nil { firstRefusal = problem.message }
                return true
            case .success(let slots):
                if let refusal = mutationGuard.refusal(for: match.intent, text: screened, freeText: Self.freeText(slots, of: match.intent)) {
                    if firstRefusal == nil { firstRefusal = refusal }
                    return true
                }
                result = .understood(ParsedCommand(intent: match.intent, slots: slots, source: .rule, ruleID: match.ruleID))
                return false
            }
        }
        if let result { return result }
        if firstRefusal == nil, let limit = limitErrors.first { firstRefusal = limit.description }
        return .notUnderstood(reason: firstRefusal)
    }

    static func freeText(_ slots: [String: SlotValue], of intent: Intent) -> [String] {
        intent.slots.filter { $0.kind == .text }.compactMap { slots[$0.name]?.stringValue }
    }
}
