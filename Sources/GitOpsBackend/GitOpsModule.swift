import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import Execution
import GitHubREST
import PlatformHTTP

extension SettingKey {
    /// The token GitOps writes the repository with (contents and pull requests).
    public static let gitopsToken = SettingKey("backends.gitops.token", "CHATOPS_GITOPS_TOKEN", secret: true,
                                               summary: "the GitHub token GitOps commits and opens pull requests with")
    /// A documented choice: use the GitHub comments' connection for GitOps too — their token
    /// (`CHATOPS_GITHUB_TOKEN`), or their GitHub App's installation tokens.
    public static let gitopsUsesGitHubToken = SettingKey("backends.gitops.use_github_token", "CHATOPS_GITOPS_USE_GITHUB_TOKEN",
                                                         kind: .boolean,
                                                         summary: "1: when backends.gitops.token is unset, write with platforms.github.token, "
                                                             + "or the GitHub App (platforms.github.app_id and app_private_key)")
}

/// Delivery: deploy, promote and rollback written into the GitOps repository (GitHub) and synced
/// by Argo CD, which it waits on until healthy. On with Argo CD; it writes with its own token, or,
/// where the configuration says so (`backends.gitops.use_github_token`), with the GitHub comments'
/// connection: their token, or their GitHub App's installation tokens. `config check` says which.
public struct GitOpsModule: BackendModule {
    public let name = "gitops"
    public let displayName = "Argo CD"
    public var settings: [SettingKey] { ArgoCDConnection.settings + [.gitopsToken, .gitopsUsesGitHubToken, .githubAPIURL] }
    public let intents: [Intent] = [.deploy, .promote, .rollback]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        guard case .enabled(let by) = ArgoCDConnection.status(in: context) else { return ArgoCDConnection.status(in: context) }
        let tokens: (any GitHubTokenSource)?
        do { tokens = try Self.tokens(context.settings, http: context.http) } catch {
            return .misconfigured("\(error) (the GitHub connection is shared, as \(SettingKey.gitopsUsesGitHubToken.path) says)")
        }
        guard let tokens else {
            return .enabled(by: "\(by); no GitOps token, so deploys answer what to set (\(SettingKey.gitopsToken.variable))")
        }
        return .enabled(by: "\(by); GitOps writes with \(tokens.origin)")
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let argocd = ArgoCDConnection(in: context)
        let writer = try Self.tokens(context.settings, http: context.http).map { tokens in
            GitOpsWriter(github: GitHubRepoClient(baseURL: GitHubREST.apiURL(context.settings), tokens: tokens, http: context.http))
        }
        let delivery = Delivery(writer: writer, argocd: argocd.client, waiter: argocd.waiter, catalog: context.configuration.catalog)
        return [(DeployExecutor(delivery: delivery), [.deploy, .promote]), (RollbackExecutor(delivery: delivery), [.rollback])]
    }

    /// Its own token; else, when the configuration says to share them, the GitHub comments' token
    /// or App. Each names where it came from, for `config check`.
    static func tokens(_ settings: Settings, http: HTTPClientPool) throws(GitHubSetupError) -> (any GitHubTokenSource)? {
        try GitHubREST.tokenSource(own: .gitopsToken, sharing: .gitopsUsesGitHubToken, settings, http: http)
    }
}
