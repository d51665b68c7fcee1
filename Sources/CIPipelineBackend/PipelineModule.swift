import ChatOpsConfig
import ChatOpsCore
import Execution
import GitHubREST

extension SettingKey {
    /// The token the CI pipeline reads runs and dispatches training with.
    public static let pipelineToken = SettingKey("backends.pipeline.token", "CHATOPS_PIPELINE_TOKEN", secret: true,
                                                 summary: "the GitHub token for Actions (runs, logs, workflow_dispatch)")
    /// A documented choice: use the GitHub comments' token (`CHATOPS_GITHUB_TOKEN`) for Actions too.
    public static let pipelineUsesGitHubToken = SettingKey("backends.pipeline.use_github_token", "CHATOPS_PIPELINE_USE_GITHUB_TOKEN",
                                                           kind: .boolean,
                                                           summary: "1: use platforms.github.token when backends.pipeline.token is unset")
}

/// The CI pipeline on GitHub Actions: `pipeline` (latest runs), `retrain` (workflow_dispatch) and
/// `triage` (failed jobs with their log tails). On with its own token, or with the GitHub
/// comments' token where the configuration says so — never silently because comments are set up.
public struct PipelineModule: BackendModule {
    public let name = "pipeline"
    public let displayName = "The CI pipeline (GitHub Actions)"
    public let settings: [SettingKey] = [.pipelineToken, .pipelineUsesGitHubToken, .githubAPIURL]
    public let intents: [Intent] = [.pipeline, .retrain, .triage]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        guard let source = Self.token(context.settings).source else {
            return .disabled(hint: "set \(SettingKey.pipelineToken.path) in \(context.configuration.source), or "
                             + "\(SettingKey.pipelineToken.variable); or \(SettingKey.pipelineUsesGitHubToken.variable)=1 to use "
                             + SettingKey.githubToken.variable)
        }
        return .enabled(by: source)
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        guard let token = Self.token(context.settings).token else { return [] }
        let configuration = context.configuration
        let client = GitHubActionsClient(baseURL: context.settings.value(.githubAPIURL) ?? GitHubActionsClient.defaultBaseURL,
                                         token: token, http: context.http)
        let catalog = configuration.catalog, file = configuration.source
        return [(PipelineExecutor(client: client, catalog: catalog, configFile: file), [.pipeline]),
                (RetrainExecutor(client: client, catalog: catalog, configFile: file), [.retrain]),
                (TriageExecutor(client: client, catalog: catalog, defaults: configuration.defaults, configFile: file), [.triage])]
    }

    static func token(_ settings: Settings) -> (token: String?, source: String?) {
        if let own = settings.secret(.pipelineToken)?.value, !own.isEmpty {
            return (own, "\(SettingKey.pipelineToken.path) (\(settings.origin(.pipelineToken)))")
        }
        let shared = ["1", "true", "yes", "on"].contains((settings.value(.pipelineUsesGitHubToken) ?? "").lowercased())
        if shared, let token = settings.secret(.githubToken)?.value, !token.isEmpty {
            return (token, "\(SettingKey.githubToken.path) (shared, as \(SettingKey.pipelineUsesGitHubToken.path) says)")
        }
        return (nil, nil)
    }
}
