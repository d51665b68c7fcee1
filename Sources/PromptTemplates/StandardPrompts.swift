/// The prompts chatops ships in `prompts/`, and what each is given. Start-up loads and checks
/// all four; a broken one stops it with the file and line.
public enum StandardPrompts {
    /// Turns a message no rule matched into a catalog intent with slots.
    public static let intent = PromptSpec(name: "intent", variables: ["text", "intents", "name", "mutating", "slots", "summary",
                                                                      "environments", "apps", "aliases"])
    /// "why is iris slow": root causes from pod state, events, logs, Argo CD and the last deploys.
    public static let incidentRCA = PromptSpec(name: "incident-rca", variables: ["alert", "app", "environment", "namespace", "cluster",
                                                                                 "symptom", "evidence"])
    /// Drift classification, severity, causes, actions and a retrain decision.
    public static let drift = PromptSpec(name: "drift", variables: ["model", "metric", "baseline", "threshold", "latest", "trend",
                                                                    "evidence"])
    /// A failed CI job: a role per failure type, root cause, risk, fix, prevention.
    public static let pipelineTriage = PromptSpec(name: "pipeline-triage", variables: [
        "sast", "sca", "secrets", "test", "train", "container", "general",
        "repository", "run", "workflow", "job", "step", "failureType", "evidence",
    ])

    public static let all = [intent, incidentRCA, drift, pipelineTriage]
}
