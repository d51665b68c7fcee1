import ChatOpsConfig
import Conversation
import Execution
import Foundation
import IntentInference
import LanguageModels
import PromptTemplates
import Understanding

extension ChatOpsApp {
    /// The prompts in the configured folder (`prompts.path`), every one checked: a broken
    /// template stops start-up with its file and line.
    public static func loadPrompts(_ configuration: ChatOpsConfiguration, promptsPath: String?) throws(AppSetupError) -> PromptLibrary {
        do {
            return try PromptLibrary.load(directory: promptsPath ?? configuration.promptsPath, required: StandardPrompts.all)
        } catch {
            throw AppSetupError("prompt error: \(error)")
        }
    }

    /// The chosen language model (nil: rules alone) and the intent layer on it, with the line
    /// `config check` prints.
    public static func loadInference(_ configuration: ChatOpsConfiguration, classifier: RuleClassifier, prompts: PromptLibrary,
                                     modules: ChatOpsModules, context: ModuleContext) throws(AppSetupError)
        -> (model: GuardedModel?, inference: ModelInference?, report: ModuleReport) {
        let choice: LanguageModelSelection.Choice
        do { choice = try LanguageModelSelection.choose(modules: modules.languageModels, in: context) } catch {
            throw AppSetupError("configuration error: \(error)")
        }
        let report = ModuleReport(name: "llm", kind: .languageModel, status: choice.report)
        guard let model = choice.model, let prompt = prompts[StandardPrompts.intent.name] else { return (nil, nil, report) }
        let settings = configuration.settings
        let minimum = settings.value(.llmMinimumConfidence).flatMap(Double.init) ?? 0.7
        guard (0...1).contains(minimum) else {
            throw AppSetupError("configuration error: \(SettingKey.llmMinimumConfidence.path) (\(SettingKey.llmMinimumConfidence.variable)) "
                                + "must be a number from 0 to 1, such as 0.7")
        }
        let ttl = settings.duration(.llmConfirmationTTL).map { TimeInterval($0.components.seconds) } ?? 300
        let proposer = ModelIntentProposer(model: model, prompt: prompt, catalog: configuration.catalog, logger: context.logger)
        let inference = ModelInference(proposer: proposer, validator: ProposalValidator(normalizer: classifier.normalizer,
                                                                                       minimumConfidence: minimum),
                                       confirmationTTL: ttl)
        return (model, inference, report)
    }
}
