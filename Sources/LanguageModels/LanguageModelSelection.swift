import ChatOpsConfig
import Execution
import Foundation

/// The one place a model is chosen: `llm.provider` (`CHATOPS_LLM_PROVIDER`) among the registered
/// providers, or none. Whatever is chosen comes back guarded, with the line `config check` prints.
public enum LanguageModelSelection {
    /// The providers a standard build registers.
    public static let standard: [any LanguageModelModule] = [GeminiModule(), OpenAIModule()]

    /// The provider chosen when `llm.provider` is unset, if it is set up.
    public static let defaultProvider = "gemini"

    /// The model (nil: rules alone) and the line `config check` prints for it.
    public typealias Choice = (model: GuardedModel?, report: ModuleStatus)

    /// The chosen model, guarded by the `llm.` limits (nil: rules alone), and how `config check`
    /// reports the choice. An explicit `none` is off; an explicit provider that is not set up is
    /// misconfigured, naming what to set; unset, the default provider when it is set up, else
    /// off. Throws only for a provider name nobody registered.
    public static func choose(modules: [any LanguageModelModule] = standard,
                              in context: ModuleContext) throws(LanguageModelSetupError) -> Choice {
        let settings = context.settings
        let names = modules.map(\.name) + ["none"]
        let asked = settings.value(.llmProvider)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if asked == "none" {
            return (nil, .disabled(hint: "\(SettingKey.llmProvider.variable)=none: rules alone"))
        }
        if asked.isEmpty { return chooseDefault(modules, in: context) }
        guard let module = modules.first(where: { $0.name == asked }) else {
            throw LanguageModelSetupError("\(SettingKey.llmProvider.variable) (\(SettingKey.llmProvider.path)) is '\(asked)', "
                                          + "which is not a provider here; use one of: \(names.joined(separator: ", "))")
        }
        switch module.status(in: context) {
        case .enabled(let by):
            return make(module, enabledBy: by, in: context)
        case .disabled(let hint):
            return (nil, .misconfigured("\(SettingKey.llmProvider.variable)=\(module.name) asks for \(module.displayName), "
                                        + "which is not set up: \(hint)"))
        case .misconfigured(let problem):
            return (nil, .misconfigured("\(module.displayName): \(problem)"))
        }
    }

    /// The module's model, guarded; a model that cannot be made is a misconfiguration, not a crash.
    static func make(_ module: any LanguageModelModule, enabledBy by: String, in context: ModuleContext) -> Choice {
        let model: any LanguageModel
        do { model = try module.model(in: context) } catch {
            return (nil, .misconfigured("\(module.displayName) cannot be used: \(error)"))
        }
        let guarded = GuardedModel(model, limits: GuardLimits(settings: context.settings), logger: context.logger)
        let limits = guarded.limits
        return (guarded, .enabled(by: "\(by): \(model.description), at most \(limits.requestsPerMinute) calls a minute and "
                                  + "\(limits.requestsPerDay) a day"))
    }

    /// Unset: the default provider when it is set up (or its problem when it is half set up);
    /// else off, naming a provider that is set up but not chosen, or what would turn one on.
    static func chooseDefault(_ modules: [any LanguageModelModule], in context: ModuleContext) -> Choice {
        guard let fallback = modules.first(where: { $0.name == defaultProvider }) else {
            return (nil, .disabled(hint: "rules alone; set \(SettingKey.llmProvider.variable) to one of: "
                                   + modules.map(\.name).joined(separator: ", ")))
        }
        switch fallback.status(in: context) {
        case .enabled(let by):
            return make(fallback, enabledBy: by, in: context)
        case .misconfigured(let problem):
            return (nil, .misconfigured("\(fallback.displayName): \(problem)"))
        case .disabled(let hint):
            if let other = modules.first(where: { $0.status(in: context).isEnabled }) {
                return (nil, .disabled(hint: "\(other.displayName) is set up; set \(SettingKey.llmProvider.variable)=\(other.name) "
                                       + "to use it"))
            }
            let others = modules.filter { $0.name != defaultProvider }.map(\.name)
            return (nil, .disabled(hint: "rules alone; for \(fallback.displayName) \(hint)"
                                   + (others.isEmpty ? "" : "; or set \(SettingKey.llmProvider.variable) to "
                                      + others.joined(separator: " or ") + " with its settings")))
        }
    }
}

extension ModuleStatus {
    var isEnabled: Bool {
        if case .enabled = self { return true }
        return false
    }
}

/// A provider setting that cannot work (a name nobody registered), worded for the person starting the bot.
public struct LanguageModelSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
