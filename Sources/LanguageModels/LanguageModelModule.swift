import ChatOpsConfig
import Execution

/// A model provider, described by itself like the backends: its settings, whether it is set up
/// (and by which setting), and the model it makes. `llm.provider` (`CHATOPS_LLM_PROVIDER`)
/// chooses among the registered ones.
public protocol LanguageModelModule: Sendable {
    /// What `llm.provider` names it: `gemini`, `openai`.
    var name: String { get }
    /// `Gemini`, `OpenAI-compatible server`.
    var displayName: String { get }
    /// Every setting it reads; the configuration accepts these keys.
    var settings: [SettingKey] { get }
    /// On when its settings are there (a Gemini key; an OpenAI-compatible URL), else what to set.
    func status(in context: ModuleContext) -> ModuleStatus
    /// The model, as configured. Called only when `status` is `.enabled`.
    func model(in context: ModuleContext) throws -> any LanguageModel
}
