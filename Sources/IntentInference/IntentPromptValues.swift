import ChatOpsConfig
import ChatOpsCore
import Execution
import Understanding

/// What the intent prompt is given: the catalog the model may choose from (with `*` on
/// changes), the environments and the apps with the names people use, and the message.
enum IntentPromptValues {
    static func values(text: String, catalog: Catalog) -> [String: Any] {
        let intents: [[String: Any]] = IntentSchema.proposable.map { intent in
            let slots = intent.slots.map { $0.name + ($0.isRequired ? "" : "?") }.joined(separator: ", ")
            return ["name": intent.rawValue, "mutating": intent.isMutating, "slots": slots.isEmpty ? "no slots" : slots,
                    "summary": HelpExecutor.examples[intent].map { "\($0.summary) (\"\($0.phrase)\")" } ?? intent.rawValue]
        }
        let environments = catalog.environments.map { env in
            env.aliases.isEmpty ? env.name : "\(env.name) (also: \(env.aliases.joined(separator: ", ")))"
        }
        let apps: [[String: Any]] = catalog.apps.map { app in
            ["name": app.name, "aliases": app.aliases.joined(separator: ", ")]
        }
        return ["text": text, "intents": intents, "environments": environments.joined(separator: "; "), "apps": apps]
    }
}
