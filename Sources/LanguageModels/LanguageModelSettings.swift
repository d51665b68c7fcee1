import ChatOpsConfig

extension SettingKey {
    /// Which registered provider answers: `gemini`, `openai`, or `none` (rules alone). Unset: Gemini
    /// when it is set up, else none. Checked against the registered providers' names, not a fixed list.
    public static let llmProvider = SettingKey("llm.provider", "CHATOPS_LLM_PROVIDER",
                                               summary: "`gemini`, `openai` (any OpenAI-compatible server) or `none`; "
                                                   + "unset: gemini when a Gemini key is set, else none")
    /// The bot's own budget, kept below the provider's free tier so the bot fails politely first.
    public static let llmRequestsPerMinute = SettingKey("llm.requests_per_minute", "CHATOPS_LLM_REQUESTS_PER_MINUTE",
                                                        kind: .positiveInteger, default: "15",
                                                        summary: "model calls a minute, all tasks together (the bot's own budget)")
    public static let llmRequestsPerDay = SettingKey("llm.requests_per_day", "CHATOPS_LLM_REQUESTS_PER_DAY", kind: .positiveInteger,
                                                     default: "1500", summary: "model calls a day, all tasks together")
    public static let llmTimeout = SettingKey("llm.timeout", "CHATOPS_LLM_TIMEOUT", kind: .duration, default: "30s",
                                              summary: "how long one model call may take before it counts as no answer")
    public static let llmMaxPromptChars = SettingKey("llm.max_prompt_chars", "CHATOPS_LLM_MAX_PROMPT_CHARS", kind: .positiveInteger,
                                                     default: "24000",
                                                     summary: "longest prompt sent; a longer one is cut in the middle, head and tail kept")
    /// A 429 asking for at most this wait is retried once; a longer one fails and the bot waits it out.
    public static let llmMaxRetryWait = SettingKey("llm.max_retry_wait", "CHATOPS_LLM_MAX_RETRY_WAIT", kind: .duration, default: "5s",
                                                   summary: "a provider's 429 asking for at most this wait is retried once")
}

extension LanguageModelSelection {
    /// The settings of the choice and of the guard, whichever provider answers.
    public static let settings: [SettingKey] = [.llmProvider, .llmRequestsPerMinute, .llmRequestsPerDay, .llmTimeout,
                                                .llmMaxPromptChars, .llmMaxRetryWait]

    /// Every `llm.` setting: the choice's and the guard's, then each provider's in registration order.
    public static func settings(for modules: [any LanguageModelModule]) -> [SettingKey] {
        settings + modules.flatMap(\.settings)
    }
}
