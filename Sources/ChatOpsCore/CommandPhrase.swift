
/// A command in words, for replies: "deploy iris-classifier v2.3 to prod".
public enum CommandPhrase {
    public static func text(_ intent: Intent, _ slots: [String: SlotValue]) -> String {
        func s(_ name: String) -> String? { slots[name]?.description }
        let app = s("app") ?? s("model")
        let inEnv = s("env").map { " in \($0)" } ?? ""
        switch intent {
        case .deploy: return "deploy \(join(app, s("version"))) to \(s("env") ?? "?")"
        case .promote: return "promote \(app ?? "the app")\(s("from").map { " from \($0)" } ?? "") to \(s("env") ?? "?")"
        case .rollback: return "roll back \(app ?? "the app")\(inEnv)\(s("to").map { " to \($0)" } ?? "")"
        case .scale: return "scale \(app ?? "the app")\(inEnv) to \(s("replicas") ?? "?") replicas"
        case .predict: return "predict with \(app ?? "the model") on [\(s("features") ?? "")]"
        case .triage: return "triage \(s("run").map { "run \($0)" } ?? "the latest failed run")"
        case .incidents: return "list \(s("state") ?? "open") incidents"
        case .freeze: return "freeze \(s("env") ?? "?")\(s("reason").map { " (\($0))" } ?? "")"
        case .unfreeze: return "unfreeze \(s("env") ?? "?")"
        case .approve: return "approve #\(s("request") ?? "?")"
        case .deny: return "deny #\(s("request") ?? "?")"
        case .help: return "help\(s("topic").map { " \($0)" } ?? "")"
        case .silence:
            let duration = s("duration") ?? "?"
            return duration == "off" ? "lift the silence of incident #\(s("incident") ?? "?")"
                : "silence incident #\(s("incident") ?? "?")'s alerts for \(duration)"
        case .rerun: return "re-run the failed jobs of \(app ?? "the app")'s run \(s("run") ?? "?")"
        case .sync, .status, .restart, .logs, .diagnose, .drift, .retrain, .pipeline:
            return join(intent.rawValue, app) + inEnv
        }
    }

    static func join(_ parts: String?...) -> String {
        parts.compactMap { $0 }.joined(separator: " ")
    }
}
