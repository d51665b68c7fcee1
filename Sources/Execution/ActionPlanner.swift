import ChatOpsConfig
import ChatOpsCore

/// Says, in words and with the catalog's real names, what a command would do: the dry-run
/// report, and the plan shown before an approval.
public struct ActionPlanner: Sendable {
    let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func steps(for input: ExecutionInput) -> [String] {
        let app = input.string("app") ?? input.string("model") ?? "the app"
        let env = input.string("env")
        switch input.intent {
        case .deploy:
            return ["set the image of \(app) to \(input.string("version") ?? "?") for \(env ?? "?") in the GitOps repository",
                    "sync \(argocd(app, env)) and wait until it is healthy"]
        case .promote:
            let from = input.string("from") ?? env.flatMap { catalog.environment(before: $0)?.name } ?? "the previous environment"
            return ["read the version of \(app) running in \(from) (\(argocd(app, from)))",
                    "set that version for \(env ?? "?") in the GitOps repository",
                    "sync \(argocd(app, env)) and wait until it is healthy"]
        case .rollback:
            let target = input.string("to").map { "to \($0)" } ?? "to its previous revision"
            return ["roll \(argocd(app, env)) back \(target)"]
        case .sync:
            return ["sync \(argocd(app, env))"]
        case .scale:
            return ["scale \(deployment(app, env)) to \(input.integer("replicas") ?? 0) replicas"]
        case .restart:
            return ["restart \(deployment(app, env)) (rolling restart: new pods before old ones stop)"]
        case .retrain:
            return ["dispatch the training pipeline for model \(app)"]
        case .freeze:
            return ["stop every mutating action in \(env ?? "?") until someone unfreezes it"]
        case .unfreeze:
            return ["let mutating actions run in \(env ?? "?") again"]
        case .approve, .deny:
            return ["record the decision on request #\(input.integer("request") ?? 0)"]
        case .status, .logs, .diagnose, .predict, .drift, .triage, .pipeline, .incidents, .help:
            return ["read only: nothing changes"]
        }
    }

    func argocd(_ app: String, _ env: String?) -> String {
        guard let env else { return "the Argo CD application of \(app)" }
        let name = catalog.app(named: app)?.argocdApp(in: env) ?? "\(app)-\(env)"
        return "Argo CD application \(name)"
    }

    func deployment(_ app: String, _ env: String?) -> String {
        let config = catalog.app(named: app)
        let namespace = env.flatMap { config?.environments[$0]?.namespace } ?? env ?? "?"
        return "deployment \(namespace)/\(env.flatMap { config?.deploymentName(in: $0) } ?? app)"
    }
}
