import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import Execution
import GitHubREST

extension SettingKey {
    /// The token GitOps writes the repository with (contents and pull requests).
    public static let gitopsToken = SettingKey("backends.gitops.token", "CHATOPS_GITOPS_TOKEN", secret: true,
                                               summary: "the GitHub token GitOps commits and opens pull requests with")
    /// A documented choice: use the GitHub comments' token (`CHATOPS_GITHUB_TOKEN`) for GitOps too.
    public static let gitopsUsesGitHubToken = SettingKey("backends.gitops.use_github_token", "CHATOPS_GITOPS_USE_GITHUB_TOKEN",
                                                         kind: .boolean,
                                                         summary: "1: write with platforms.github.token when backends.gitops.token is unset")
}

/// Delivery: deploy, promote and rollback written into the GitOps repository (GitHub) and synced
/// by Argo CD, which it waits on until healthy. On with Argo CD; it writes with its own token, or
/// with the GitHub comments' token where the configuration says so.
public struct GitOpsModule: BackendModule {
    public let name = "gitops"
    public let displayName = "Argo CD"
    public var settings: [SettingKey] { ArgoCDConnection.settings + [.gitopsToken, .gitopsUsesGitHubToken, .githubAPIURL] }
    public let intents: [Intent] = [.deploy, .promote, .rollback]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        guard case .enabled(let by) = ArgoCDConnection.status(in: context) else { return ArgoCDConnection.status(in: context) }
        guard let source = Self.token(context.settings).source else {
            return .enabled(by: "\(by); no GitOps token, so deploys answer what to set (\(SettingKey.gitopsToken.variable))")
        }
        return .enabled(by: "\(by); GitOps writes with \(source)")
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let settings = context.settings
        let argocd = ArgoCDConnection(in: context)
        let writer = Self.token(settings).token.map { token in
            GitOpsWriter(github: GitHubRepoClient(baseURL: settings.value(.githubAPIURL) ?? "https://api.github.com", token: token,
                                                  client: context.http.api("GitHub")))
        }
        let delivery = Delivery(writer: writer, argocd: argocd.client, waiter: argocd.waiter, catalog: context.configuration.catalog)
        return [(DeployExecutor(delivery: delivery), [.deploy, .promote]), (RollbackExecutor(delivery: delivery), [.rollback])]
    }

    /// Its own token, else the GitHub comments' token when the configuration says to use it; and
    /// which setting it came from, for `config check`.
    static func token(_ settings: Settings) -> (token: String?, source: String?) {
        if let own = settings.secret(.gitopsToken)?.value, !own.isEmpty { return (own, SettingKey.gitopsToken.path) }
        let shared = ["1", "true", "yes", "on"].contains((settings.value(.gitopsUsesGitHubToken) ?? "").lowercased())
        if shared, let token = settings.secret(.githubToken)?.value, !token.isEmpty {
            return (token, "\(SettingKey.githubToken.path) (shared, as \(SettingKey.gitopsUsesGitHubToken.path) says)")
        }
        return (nil, nil)
    }
}
