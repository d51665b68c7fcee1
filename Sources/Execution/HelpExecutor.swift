import ChatOpsConfig
import ChatOpsCore

/// `help` and `help TOPIC`: answered by the bot itself from the intent catalog and configuration.
public struct HelpExecutor: Executor {
    let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func plan(_ input: ExecutionInput) -> [String] { ["read only: nothing changes"] }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        guard let topic = input.string("topic") else { return .succeeded(Self.overview) }
        if let intent = Intent(rawValue: topic), let example = Self.examples[intent] {
            let slots = intent.slots.map { $0.isRequired ? $0.name : "\($0.name)?" }.joined(separator: ", ")
            return .succeeded("\(topic): \(example.summary)\nSlots: \(slots.isEmpty ? "none" : slots)\nExample: \(example.phrase)")
        }
        switch topic {
        case "environments":
            return .succeeded("Environments: " + catalog.environments.map { env in
                env.name + (env.aliases.isEmpty ? "" : " (\(env.aliases.joined(separator: ", ")))") + (env.isProtected ? ", protected" : "")
            }.joined(separator: "; "))
        case "apps":
            return .succeeded("Apps: " + catalog.apps.map { app in
                app.name + (app.aliases.isEmpty ? "" : " (\(app.aliases.joined(separator: ", ")))")
            }.joined(separator: "; "))
        case "approvals":
            return .succeeded("""
                Changes in protected environments wait for approval by someone other than the requester. \
                Approve with `approve N`, refuse with `deny N REASON` (one denial ends the request). \
                Unapproved requests expire. `freeze ENV` stops every change there until `unfreeze ENV`.
                """)
        default:
            return .succeeded("I can explain: \(IntentCatalog.helpTopics.joined(separator: ", ")). Try `help deploy`.")
        }
    }

    static let overview = """
        I run the ML platform from chat. Things you can say:
        • deploy v2.3 to staging · promote iris to prod · rollback iris in prod · sync iris staging
        • status of iris in prod · logs for iris in prod · why is iris slow · scale iris to 3 in staging · restart iris in dev
        • predict iris 5.1 3.5 1.4 0.2 · check drift for iris · retrain iris
        • pipeline status · triage run 9120034 · open incidents
        • approve 42 · deny 42 because untested · freeze prod · unfreeze prod
        `help TOPIC` explains one (e.g. `help deploy`, `help approvals`).
        """

    public static let examples: [Intent: (summary: String, phrase: String)] = [
        .deploy: ("deploy a version of an app to an environment (through the GitOps repository and Argo CD)", "deploy iris v2.3 to staging"),
        .promote: ("take the version running in the previous environment to the next one", "promote iris to prod"),
        .rollback: ("roll an app back to its previous (or a given) version", "rollback iris in prod"),
        .sync: ("sync an app's Argo CD application", "sync iris staging"),
        .status: ("show an app's health and version", "status of iris in prod"),
        .scale: ("set an app's replica count", "scale iris to 3 in staging"),
        .restart: ("rolling restart of an app", "restart iris in dev"),
        .logs: ("recent log lines of an app", "last 50 lines of iris logs in prod"),
        .diagnose: ("look at pods, events and logs and explain what is wrong", "why is iris slow"),
        .approve: ("approve a request waiting for you", "approve 42"),
        .deny: ("refuse a request (ends it)", "deny 42 because untested"),
        .predict: ("ask the model for a prediction", "predict iris 5.1 3.5 1.4 0.2"),
        .drift: ("compare the model's latest MLflow run with its baseline (P0, P1, P2)", "check drift for iris"),
        .triage: ("explain why a CI run failed", "triage run 9120034"),
        .retrain: ("start the training pipeline", "retrain iris"),
        .pipeline: ("CI status", "pipeline status"),
        .incidents: ("list incidents", "open incidents"),
        .freeze: ("stop every change in an environment (kill switch)", "freeze prod: incident 123"),
        .unfreeze: ("allow changes again", "unfreeze prod"),
        .help: ("this help", "help deploy"),
    ]
}
