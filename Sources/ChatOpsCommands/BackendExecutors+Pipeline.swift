import CIPipelineBackend
import ChatOpsConfig
import Execution

extension BackendExecutors {
    /// The CI pipeline on GitHub Actions (`pipeline`, `retrain`, `triage`), when a GitHub token is set.
    static func registerPipeline(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration) {
        let settings = configuration.settings
        guard let token = settings.secret(.githubToken)?.value else { return }
        let client = GitHubActionsClient(baseURL: settings.value(.githubAPIURL) ?? GitHubActionsClient.defaultBaseURL, token: token)
        let catalog = configuration.catalog, file = configuration.source
        registry.register(PipelineExecutor(client: client, catalog: catalog, configFile: file), for: [.pipeline])
        registry.register(RetrainExecutor(client: client, catalog: catalog, configFile: file), for: [.retrain])
        registry.register(TriageExecutor(client: client, catalog: catalog, defaults: configuration.defaults, configFile: file),
                          for: [.triage])
    }
}
