import ChatOpsConfig

/// The GitHub connection settings every GitHub use shares (comments, GitOps, Actions): the API
/// base and one way to authenticate, a personal token or a GitHub App.
extension SettingKey {
    public static let githubToken = SettingKey("platforms.github.token", "CHATOPS_GITHUB_TOKEN", secret: true,
                                               summary: "a GitHub token (personal or fine-grained) for comments")
    public static let githubAppID = SettingKey("platforms.github.app_id", "CHATOPS_GITHUB_APP_ID",
                                               summary: "a GitHub App's id (with its private key, instead of a token)")
    public static let githubAppPrivateKey = SettingKey("platforms.github.app_private_key", "CHATOPS_GITHUB_APP_PRIVATE_KEY",
                                                       secret: true, summary: "the GitHub App's private key (PEM)")
    public static let githubAPIURL = SettingKey("platforms.github.api_url", "CHATOPS_GITHUB_API_URL", kind: .url,
                                                default: "https://api.github.com", summary: "GitHub's REST API base")

    /// The connection settings, for modules that declare them.
    public static let githubConnection: [SettingKey] = [.githubToken, .githubAppID, .githubAppPrivateKey, .githubAPIURL]
}
