import ChatOpsConfig
import Execution
import PlatformHTTP

extension SettingKey {
    public static let openAIAPIURL = SettingKey("llm.openai.api_url", "CHATOPS_OPENAI_API_URL", kind: .url,
                                                summary: "an OpenAI-compatible API base ending in /v1 (llama.cpp's server, "
                                                    + "vLLM, Ollama, OpenAI)")
    public static let openAIAPIKey = SettingKey("llm.openai.api_key", "CHATOPS_OPENAI_API_KEY", secret: true,
                                                summary: "its bearer key; local servers usually need none")
    public static let openAIModel = SettingKey("llm.openai.model", "CHATOPS_OPENAI_MODEL",
                                               summary: "the model name the server knows (llama.cpp's server: its --model_alias)")
}

/// Any server that speaks OpenAI's `/v1/chat/completions`: a self-hosted model with no cloud
/// account (llama.cpp's server, vLLM, Ollama), or OpenAI itself.
public struct OpenAIModule: LanguageModelModule {
    public let name = "openai"
    public let displayName = "OpenAI-compatible server"
    public let settings: [SettingKey] = [.openAIAPIURL, .openAIAPIKey, .openAIModel]

    public init() {}

    /// On with a URL and a model name; the key is optional.
    public func status(in context: ModuleContext) -> ModuleStatus {
        let settings = context.settings
        guard settings.isSet(.openAIAPIURL) else { return .enabled(when: .openAIAPIURL, in: context) }
        guard let model = settings.value(.openAIModel), !model.isEmpty else {
            return .misconfigured("\(SettingKey.openAIAPIURL.variable) is set, but the model is not (set "
                                  + "\(SettingKey.openAIModel.variable); any name will do for a one-model local server, e.g. local)")
        }
        return .enabled(when: .openAIAPIURL, in: context)
    }

    public func model(in context: ModuleContext) throws -> any LanguageModel {
        let settings = context.settings
        return OpenAICompatibleModel(model: settings.value(.openAIModel) ?? "", baseURL: settings.value(.openAIAPIURL) ?? "",
                                     key: settings.secret(.openAIAPIKey)?.value, pool: context.http,
                                     timeout: settings.duration(.llmTimeout) ?? .seconds(30))
    }
}
