import ChatOpsCore

/// One rule: patterns that, matched against a whole normalised message, give an intent and slots.
public struct Rule: Sendable {
    public let id: String
    public let intent: Intent
    public let patterns: [CompiledPattern]
    /// Slots the rule always gives, whatever the text (`set: {state: open}`).
    public let constants: [String: String]
    public let examples: [RuleExample]
    public let counterexamples: [String]
    public let location: RuleLocation

    public init(id: String, intent: Intent, patterns: [CompiledPattern], constants: [String: String] = [:],
                examples: [RuleExample] = [], counterexamples: [String] = [], location: RuleLocation) {
        self.id = id
        self.intent = intent
        self.patterns = patterns
        self.constants = constants
        self.examples = examples
        self.counterexamples = counterexamples
        self.location = location
    }
}

/// A text that must give the rule's intent with exactly these slots (after normalisation).
public struct RuleExample: Sendable, Hashable {
    public let text: String
    public let slots: [String: SlotValue]
    public let location: RuleLocation

    public init(text: String, slots: [String: SlotValue], location: RuleLocation) {
        self.text = text
        self.slots = slots
        self.location = location
    }
}

/// Where a rule or example is written.
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
