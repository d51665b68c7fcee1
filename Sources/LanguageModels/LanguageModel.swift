/// A language model the bot may ask: Gemini, or a self-hosted OpenAI-compatible server. Its
/// answers are data for the bot to check, never instructions: callers validate every field.
public protocol LanguageModel: Sendable {
    /// `gemini-2.5-flash-lite (Gemini API)`, `local (OpenAI-compatible, http://127.0.0.1:8013/v1)`:
    /// what logs, answers and `config check` call it.
    var description: String { get }
    /// One question, one answer. With a `schema`, the answer's text is JSON that the provider
    /// asked the model to shape by it (and `json` holds it parsed); it still has to be checked.
    func complete(_ request: ModelRequest) async throws(ModelError) -> ModelReply
}

/// One question for a model.
public struct ModelRequest: Sendable, Hashable {
    /// The task, for limits, logs and the cache: `intent`, `incident-rca`, `drift`, `pipeline-triage`.
    public var task: String
    /// The instructions (a system prompt where the provider has one).
    public var system: String
    /// The question, with the evidence.
    public var prompt: String
    /// The JSON Schema the answer must follow (the subset Gemini's `responseSchema` accepts:
    /// type, properties, required, enum, items, description, nullable), or nil for prose.
    public var schema: JSONValue?
    public var maxOutputTokens: Int

    public init(task: String, system: String, prompt: String, schema: JSONValue? = nil, maxOutputTokens: Int = 1024) {
        self.task = task
        self.system = system
        self.prompt = prompt
        self.schema = schema
        self.maxOutputTokens = maxOutputTokens
    }
}

/// What a model answered.
public struct ModelReply: Sendable, Hashable {
    /// The answer's text as the model wrote it.
    public var text: String
    /// The text parsed as JSON, when the request had a schema and the text is JSON (an object
    /// inside a ```json fence counts); nil otherwise.
    public var json: JSONValue?
    /// The model that answered (`gemini-2.5-flash-lite`), as the provider reports it.
    public var model: String
    /// Tokens the provider counted for the question and the answer, when it says.
    public var inputTokens: Int?
    public var outputTokens: Int?

    public init(text: String, json: JSONValue? = nil, model: String) {
        self.text = text
        self.json = json
        self.model = model
    }
}

/// Why a model gave no usable answer, worded for the log and, shortened, for the thread.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// No answer, a timeout, a 5xx, or the circuit breaker is open.
        case unavailable
        /// 429 / RESOURCE_EXHAUSTED, or the bot's own per-minute or per-day budget is used up.
        case rateLimited
        /// The provider refused the request (400, 401, 403, 404: a bad key, model or request).
        case refused
        /// An answer that cannot be read (not JSON where JSON was asked, truncated, blocked).
        case malformed
    }

    public let kind: Kind
    public let description: String
    /// Seconds the provider asked to wait, when it said.
    public let retryAfterSeconds: Int?

    public init(_ kind: Kind, _ description: String, retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.description = description
        self.retryAfterSeconds = retryAfterSeconds
    }
}
