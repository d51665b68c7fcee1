import ChatOpsConfig
import ChatOpsCore
import Execution

/// The model a command is about: the `model` slot (an app name after validation), or the only
/// model in the catalog when none is named.
struct ModelChoice: Sendable {
    let app: AppConfig
    let model: ModelConfig

    static func resolve(_ input: ExecutionInput, in catalog: Catalog) -> Result<ModelChoice, RefusalText> {
        let named = input.string("model")
        let candidates = catalog.apps.filter { $0.model != nil }
        let app = named.flatMap(catalog.model(named:)) ?? (named == nil && candidates.count == 1 ? candidates.first : nil)
        guard let app, let model = app.model else {
            let known = catalog.modelNames.isEmpty ? "none is configured (apps[].model)" : catalog.modelNames.joined(separator: ", ")
            return .failure(RefusalText(named.map { "There is no model named \($0); known models: \(known)." }
                                        ?? "Say which model: \(known)."))
        }
        return .success(ModelChoice(app: app, model: model))
    }
}

/// Why a command was refused before any call, worded for the thread.
struct RefusalText: Error, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
}

extension ExecutionInput {
    /// The `features` slot's numbers.
    var featureValues: [Double]? {
        if case .numbers(let values)? = command.slots["features"] { return values }
        return nil
    }
}
