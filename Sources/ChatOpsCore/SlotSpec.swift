/// How a slot's text is validated and turned into a value.
public enum SlotKind: String, Sendable, Hashable, CaseIterable {
    /// An application from the configuration's catalog (canonical name after aliases).
    case app
    /// A model from the catalog: an app that serves a model.
    case model
    /// An environment name from the configuration (canonical name after aliases).
    case environment
    /// A version as written: `v2.3`, `2.3.1`, `1.4.0-rc.1`.
    case version
    /// A non-negative integer; a leading `#` is dropped.
    case integer
    /// A CI run id, kept as a string of digits.
    case runID
    /// A list of numbers.
    case numbers
    /// Free text (a reason, a symptom): bounded length, no shell metacharacters.
    case text
    /// A word from a closed list (help topics, incident states).
    case keyword
}

/// One slot of an intent.
public struct SlotSpec: Sendable, Hashable {
    public let name: String
    public let kind: SlotKind
    public let isRequired: Bool

    public init(_ name: String, _ kind: SlotKind, required: Bool) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}
