/// The slot table of `shared/spec/intents.md`, kept in one place.
public enum IntentCatalog {
    static func slots(of intent: Intent) -> [SlotSpec] {
        switch intent {
        case .deploy:
            return [.init("app", .app, required: false), .init("version", .version, required: true),
                    .init("env", .environment, required: true)]
        case .promote:
            return [.init("app", .app, required: false), .init("from", .environment, required: false),
                    .init("env", .environment, required: true)]
        case .rollback:
            return [.init("app", .app, required: false), .init("env", .environment, required: true),
                    .init("to", .version, required: false)]
        case .sync, .status, .restart:
            return [.init("app", .app, required: false), .init("env", .environment, required: false)]
        case .scale:
            return [.init("app", .app, required: false), .init("env", .environment, required: false),
                    .init("replicas", .integer, required: true)]
        case .logs:
            return [.init("app", .app, required: false), .init("env", .environment, required: false),
                    .init("lines", .integer, required: false)]
        case .diagnose:
            return [.init("app", .app, required: false), .init("env", .environment, required: false),
                    .init("symptom", .text, required: false)]
        case .approve:
            return [.init("request", .integer, required: true)]
        case .deny:
            return [.init("request", .integer, required: true), .init("reason", .text, required: false)]
        case .predict:
            return [.init("model", .model, required: false), .init("features", .numbers, required: true)]
        case .drift, .retrain:
            return [.init("model", .model, required: false)]
        case .triage:
            return [.init("run", .runID, required: false)]
        case .pipeline:
            return [.init("app", .app, required: false)]
        case .incidents:
            return [.init("state", .keyword, required: false)]
        case .freeze:
            return [.init("env", .environment, required: true), .init("reason", .text, required: false)]
        case .unfreeze:
            return [.init("env", .environment, required: true)]
        case .help:
            return [.init("topic", .keyword, required: false)]
        case .silence:
            return [.init("incident", .integer, required: true), .init("duration", .keyword, required: true)]
        case .rerun:
            return [.init("run", .runID, required: true), .init("app", .app, required: true)]
        }
    }

    /// Incident states a user may ask for.
    /// Captures a rule may make that are not slots but say where (`kubectl … -n ml-prod`): the
    /// understanding resolves each into the slot it locates (`namespace` → `env`, from the
    /// catalog's placement of the app), and never reports it as a slot.
    public static let locators: [String: String] = ["namespace": "env"]

    public static let incidentStates = ["open", "acknowledged", "resolved", "all"]

    /// Help topics: every intent name plus a few general ones.
    public static let helpTopics = Intent.catalog.map(\.rawValue) + ["rules", "environments", "apps", "approvals"]
}
