/// Where an understood command came from.
public enum UnderstandingSource: String, Sendable, Codable {
    case rule, llm, none
}

/// A text understood as one intent with validated slots: the output of the understanding layer.
public struct ParsedCommand: Sendable, Hashable {
    public let intent: Intent
    public let slots: [String: SlotValue]
    public let source: UnderstandingSource
    /// The id of the rule that matched, when `source == .rule`.
    public let ruleID: String?

    public init(intent: Intent, slots: [String: SlotValue], source: UnderstandingSource, ruleID: String?) {
        self.intent = intent
        self.slots = slots
        self.source = source
        self.ruleID = ruleID
    }

    public subscript(slot name: String) -> SlotValue? { slots[name] }
}
