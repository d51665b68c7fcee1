import ChatOpsCore

/// What a language model proposed for a message no rule understood: untrusted data until
/// `ProposalValidator` has held it to the catalog, the slot validators and the guards.
public struct IntentProposal: Sendable, Hashable {
    /// The intent's wire name as the model wrote it; nil or `none` when it saw no command.
    public var intent: String?
    /// Slot values as the model wrote them (numbers and lists already turned into text).
    public var slots: [String: String]
    /// 0…1, as the model reported it.
    public var confidence: Double
    /// The model's own one-line reading. Logged, never shown as the bot's words: the bot says
    /// what it would do from the validated command.
    public var paraphrase: String
    /// The model that answered, and the prompt's version (`intent@1`).
    public var model: String
    public var promptVersion: String

    public init(intent: String?, slots: [String: String], confidence: Double, paraphrase: String, model: String,
                promptVersion: String) {
        self.intent = intent
        self.slots = slots
        self.confidence = confidence
        self.paraphrase = paraphrase
        self.model = model
        self.promptVersion = promptVersion
    }
}

/// What asking the model gave.
public enum ProposalOutcome: Sendable, Hashable {
    case proposed(IntentProposal)
    /// No usable answer (the model is down, rate limited, answered nonsense). `announce`: say so
    /// in the thread — once per outage, not on every message.
    case unavailable(reason: String, announce: Bool)
}

/// The LLM intent layer as the understanding side sees it: asked only for a message addressed to
/// the bot that passed the screen and that no rule understood.
public protocol IntentProposer: Sendable {
    func propose(_ text: String, context: MessageContext) async -> ProposalOutcome
}
