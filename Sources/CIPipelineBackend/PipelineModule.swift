import ChatOpsConfig
import ChatOpsCore
import Execution
import GitHubREST
import PlatformHTTP

extension SettingKey {
    /// The token the CI pipeline reads runs and dispatches training with.
    public static let pipelineToken = SettingKey("backends.pipeline.token", "CHATOPS_PIPELINE_TOKEN", secret: true,
                                                 summary: "the GitHub token for Actions (runs, logs, workflow_dispatch)")
    /// A documented choice: use the GitHub comments' connection for Actions too — their token
    /// (`CHATOPS_GITHUB_TOKEN`), or their GitHub App's installation tokens.
    public static let pipelineUsesGitHubToken = SettingKey("backends.pipeline.use_github_token", "CHATOPS_PIPELINE_USE_GITHUB_TOKEN",
                                                           kind: .boolean,
                                                           summary: "1: when backends.pipeline.token is unset, use platforms.github.token, "
                                                               + "or the GitHub App (platforms.github.app_id and app_private_key)")
}

/// The CI pipeline on GitHub Actions: `pipeline` (latest runs), `retrain` (workflow_dispatch),
/// `triage` (failed jobs with their log tails) and `rerun` (a failed run's failed jobs, again).
/// On with its own token; or, where the configuration says so (`backends.pipeline.use_github_token`),
/// with the GitHub comments' connection: their token, or their GitHub App's installation tokens —
/// never silently because comments are set up. `config check` says which.
public struct PipelineModule: BackendModule {
    public let name = "pipeline"
    public let displayName = "The CI pipeline (GitHub Actions)"
    public let settings: [SettingKey] = [.pipelineToken, .pipelineUsesGitHubToken, .githubAPIURL]
    public let intents: [Intent] = [.pipeline, .retrain, .triage, .rerun]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        let tokens: (any GitHubTokenSource)?
        do { tokens = try Self.tokens(context.settings, http: context.http) } catch {
            return .misconfigured("\(error) (the GitHub connection is shared, as \(SettingKey.pipelineUsesGitHubToken.path) says)")
        }
        guard let tokens else {
            return .disabled(hint: "set \(SettingKey.pipelineToken.path) in \(context.configuration.source), or "
                             + "\(SettingKey.pipelineToken.variable); or \(SettingKey.pipelineUsesGitHubToken.variable)=1 to use "
                             + "\(SettingKey.githubToken.variable) or the GitHub App (\(SettingKey.githubAppID.variable))")
        }
        return .enabled(by: tokens.origin)
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        guard let tokens = try Self.tokens(context.settings, http: context.http) else { return [] }
        let configuration = context.configuration
        let client = GitHubActionsClient(baseURL: GitHubREST.apiURL(context.settings), tokens: tokens, http: context.http)
        let catalog = configuration.catalog, file = configuration.source
        return [(PipelineExecutor(client: client, catalog: catalog, configFile: file), [.pipeline]),
                (RetrainExecutor(client: client, catalog: catalog, configFile: file), [.retrain]),
                (TriageExecutor(client: client, catalog: catalog, defaults: configuration.defaults, configFile: file,
                                analyst: context.analyst), [.triage]),
                (RerunExecutor(client: client, catalog: catalog, configFile: file), [.rerun])]
    }

    /// Its own token; else, when the configuration says to share them, the GitHub comments' token
    /// or App. Each names where it came from, for `config check`.
    static func tokens(_ settings: Settings, http: HTTPClientPool) throws(GitHubSetupError) -> (any GitHubTokenSource)? {
        try GitHubREST.tokenSource(own: .pipelineToken, sharing: .pipelineUsesGitHubToken, settings, http: http)
    }
}
