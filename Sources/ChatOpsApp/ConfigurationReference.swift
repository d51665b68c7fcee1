import ChatOpsConfig
import IntentInference
import LanguageModels

/// The settings table of `docs/configuration.md`, generated from the registered modules: a test
/// fails when the document and the code disagree.
public enum ConfigurationReference {
    public static func markdown(_ modules: ChatOpsModules) -> String {
        var owners: [String: String] = [:]
        for key in SettingsCatalog.core { owners[key.path] = "core" }
        for platform in modules.platforms { for key in platform.settings where owners[key.path] == nil { owners[key.path] = platform.name } }
        for backend in modules.backends { for key in backend.settings where owners[key.path] == nil { owners[key.path] = backend.name } }
        for key in LanguageModelSelection.settings + IntentInferenceSettings.all where owners[key.path] == nil { owners[key.path] = "llm" }
        for model in modules.languageModels { for key in model.settings where owners[key.path] == nil { owners[key.path] = "llm.\(model.name)" } }
        var lines = ["| key | variable | default | module | meaning |", "|---|---|---|---|---|"]
        for key in modules.settings.keys {
            let variable = "`\(key.variable)`" + (key.isSecret ? " (secret; or `\(key.variable)_FILE`)" : "")
            let value = key.defaultValue.map { "`\($0)`" } ?? "—"
            lines.append("| `\(key.path)` | \(variable) | \(value) | \(owners[key.path] ?? "?") | \(key.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
