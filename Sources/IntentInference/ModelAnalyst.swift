import Execution
import LanguageModels
import Logging
import PromptTemplates

/// The analyses (incident RCA, drift, pipeline triage) on the configured model: the task's prompt
/// from `prompts/` rendered with the backend's values and evidence, sent through the guarded
/// model (secrets redacted, the prompt capped, the budgets kept), the answer returned as text.
public struct ModelAnalyst: Analyst {
    let model: any LanguageModel
    let prompts: PromptLibrary
    let logger: Logger

    public init(model: any LanguageModel, prompts: PromptLibrary, logger: Logger) {
        self.model = model
        self.prompts = prompts
        self.logger = logger
    }

    public func analyse(_ request: AnalysisRequest) async -> AnalysisOutcome {
        guard let template = prompts[request.prompt] else { return .unavailable("there is no \(request.prompt) prompt") }
        var values: [String: Any] = ["evidence": request.evidence]
        for (name, value) in request.values {
            switch value {
            case .text(let text): values[name] = text
            case .flag(let on): values[name] = on
            }
        }
        let rendered = template.render(values)
        do {
            let reply = try await model.complete(ModelRequest(task: request.prompt, system: rendered.system, prompt: rendered.user,
                                                              maxOutputTokens: 1024))
            let text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return .unavailable("the model gave an empty answer") }
            return .analysed(text: text, model: reply.model, promptVersion: template.versionTag)
        } catch {
            logger.warning("no AI analysis", metadata: ["prompt": "\(request.prompt)", "error": "\(error)"])
            return .unavailable(ModelIntentProposer.short(error))
        }
    }
}
