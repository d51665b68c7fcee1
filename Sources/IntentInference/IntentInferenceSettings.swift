import ChatOpsConfig

extension SettingKey {
    /// Below this, a model's proposal is "not understood".
    public static let llmMinimumConfidence = SettingKey("llm.min_confidence", "CHATOPS_LLM_MIN_CONFIDENCE", default: "0.7",
                                                        summary: "the least confidence (0–1) a model's reading needs to be used")
    /// How long a change the model inferred waits for its author's yes.
    public static let llmConfirmationTTL = SettingKey("llm.confirmation_ttl", "CHATOPS_LLM_CONFIRMATION_TTL", kind: .duration,
                                                      default: "5m", summary: "how long a model-inferred change waits for its author's yes")
}

/// The intent layer's own settings.
public enum IntentInferenceSettings {
    public static let all: [SettingKey] = [.llmMinimumConfidence, .llmConfirmationTTL]
}
