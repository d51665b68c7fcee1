import ArgoCDBackend
import ChatOpsConfig
import Execution

/// The real executors of every configured backend, registered over the "not configured" ones.
enum BackendExecutors {
    static func register(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration) {
        let settings = configuration.settings
        if let url = settings.value(.argocdURL), let token = settings.secret(.argocdToken)?.value {
            let client = ArgoCDClient(baseURL: url, token: token)
            registry.register(ArgoCDStatusExecutor(client: client, catalog: configuration.catalog), for: [.status])
        }
        registerPipeline(into: &registry, configuration: configuration)
    }
}
