import ChatOpsConfig
import ChatServer
import GitHubREST
import PlatformHTTP

/// How the bot reaches GitHub's REST API, read from the settings: the API URL and where tokens come
/// from (a personal token, or a GitHub App's private key). The adapter and identity pinning share it.
enum GitHubConnection {
    /// nil when no webhook secret is set (GitHub is not served); a secret without a token (or App id
    /// and key) is a setup error.
    static func api(_ settings: Settings, http: HTTPClientPool) throws -> GitHubAPI? {
        guard let secret = settings.secret(.githubWebhookSecret)?.value, !secret.isEmpty else { return nil }
        let tokens: (any GitHubTokenSource)?
        do { tokens = try GitHubREST.tokenSource(settings, http: http) } catch { throw PlatformSetupError("\(error)") }
        guard let tokens else {
            throw PlatformSetupError("""
                GitHub is half-configured: \(SettingKey.githubWebhookSecret.variable) is set but there is no token to \
                answer with; set \(SettingKey.githubToken.variable) (a personal token) or \(SettingKey.githubAppID.variable) \
                and \(SettingKey.githubAppPrivateKey.variable) (a GitHub App)
                """)
        }
        return GitHubAPI(client: GitHubClient(baseURL: GitHubREST.apiURL(settings), tokens: tokens, http: http, hints: GitHubAPI.hints))
    }
}

extension SettingKey {
    public static let githubWebhookSecret = SettingKey("platforms.github.webhook_secret", "CHATOPS_GITHUB_WEBHOOK_SECRET", secret: true,
                                                       summary: "the webhook's secret (every delivery is verified with it)")
    /// Besides a line starting with `/` and a known verb, a line starting with this word is a command.
    public static let githubCommandPrefix = SettingKey("platforms.github.command_prefix", "CHATOPS_GITHUB_COMMAND_PREFIX",
                                                       default: "@chatops", summary: "a comment line starting with it is a command")
    /// Comma-separated `author_association` values whose comments may be commands.
    public static let githubAllowedAssociations = SettingKey("platforms.github.allowed_associations",
                                                             "CHATOPS_GITHUB_ALLOWED_ASSOCIATIONS", kind: .list,
                                                             default: "OWNER,MEMBER,COLLABORATOR",
                                                             summary: "author_association values whose comments may be commands")
    /// A comment older than this (by its signed `created_at`) is not run: a replayed delivery.
    public static let githubMaxCommentAge = SettingKey("platforms.github.max_comment_age", "CHATOPS_GITHUB_MAX_COMMENT_AGE",
                                                       kind: .duration, default: "5m",
                                                       summary: "an older comment (by its signed created_at) is not run")
}
