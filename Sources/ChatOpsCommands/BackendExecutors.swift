import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import Execution
import GitOpsBackend

/// The real executors of every configured backend, registered over the "not configured" ones.
enum BackendExecutors {
    static func register(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration) {
        registerArgoCD(into: &registry, configuration: configuration)
        registerKubernetes(into: &registry, configuration: configuration)
        registerModel(into: &registry, configuration: configuration)
        registerPipeline(into: &registry, configuration: configuration)
    }

    static let argocdIntents: [Intent] = [.status, .sync, .deploy, .promote, .rollback]

    /// Argo CD status and sync; deploy, promote and rollback through GitOps (GitHub) and Argo CD.
    static func registerArgoCD(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration) {
        let settings = configuration.settings
        guard let url = settings.value(.argocdURL) else { return }
        guard let token = settings.secret(.argocdToken)?.value else {
            let problem = "\(SettingKey.argocdURL.variable) is set, but the token is not (set \(SettingKey.argocdToken.variable), "
                + "\(SettingKey.argocdToken.variable)_FILE or \(SettingKey.argocdToken.path)_file)"
            registry.register(BackendProblemExecutor(backend: .argocd, problem: .misconfigured(problem), planner: registry.planner), for: argocdIntents)
            return
        }
        let client = ArgoCDClient(baseURL: url, token: token)
        let waiter = ArgoCDWaiter(client: client, timeout: settings.duration(.argocdWaitTimeout) ?? .seconds(300))
        let writer = settings.secret(.githubToken).map { token in
            GitOpsWriter(github: GitHubRepoClient(baseURL: settings.value(.githubAPIURL) ?? "https://api.github.com", token: token.value))
        }
        let delivery = Delivery(writer: writer, argocd: client, waiter: waiter, catalog: configuration.catalog)
        registry.register(ArgoCDStatusExecutor(client: client, catalog: configuration.catalog), for: [.status])
        registry.register(ArgoCDSyncExecutor(client: client, waiter: waiter, catalog: configuration.catalog), for: [.sync])
        registry.register(DeployExecutor(delivery: delivery), for: [.deploy, .promote])
        registry.register(RollbackExecutor(delivery: delivery), for: [.rollback])
    }
}
