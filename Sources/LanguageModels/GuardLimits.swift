import ChatOpsConfig

/// How much the guard lets through, and how it backs off. The default budget (15 calls a minute,
/// 1500 a day) is of the order of Gemini's free tier; set it below the provider's real limits so
/// the bot refuses politely before the provider does.
public struct GuardLimits: Sendable, Hashable {
    public var requestsPerMinute = 15
    public var requestsPerDay = 1500
    /// The longest prompt sent; a longer one loses its middle.
    public var maxPromptCharacters = 24_000
    /// A provider's 429 that asks for at most this wait is retried once, after it.
    public var maxRetryWait: Duration = .seconds(5)
    /// How long to leave a provider alone after a 429 that named no wait.
    public var pauseWithoutRetryDelay: Duration = .seconds(15)
    /// Calls in a row with no answer before the breaker opens, and for how long it stays open.
    public var breakerThreshold = 3
    public var breakerCooldown: Duration = .seconds(60)
    /// How long an answer is reused for an identical question, and for which tasks.
    public var cacheLifetime: Duration = .seconds(300)
    public var cacheCapacity = 256
    public var cachedTasks: Set<String> = ["intent"]

    public init() {}

    /// The defaults with the `llm.` settings applied.
    public init(settings: Settings) {
        requestsPerMinute = settings.integer(.llmRequestsPerMinute) ?? requestsPerMinute
        requestsPerDay = settings.integer(.llmRequestsPerDay) ?? requestsPerDay
        maxPromptCharacters = settings.integer(.llmMaxPromptChars) ?? maxPromptCharacters
        maxRetryWait = settings.duration(.llmMaxRetryWait) ?? maxRetryWait
    }
}
