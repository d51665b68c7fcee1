import ChatOpsConfig
import ChatServer
import PlatformHTTP

/// How the bot reaches GitHub's REST API, read from the settings: the API URL and where tokens come
/// from (a personal token, or a GitHub App's private key). The adapter and identity pinning share it.
enum GitHubConnection {
    /// nil when no webhook secret is set (GitHub is not served); a secret without a token (or App id
    /// and key) is a setup error.
    static func api(_ settings: Settings) throws -> GitHubAPI? {
        guard let secret = settings.secret(.githubWebhookSecret)?.value, !secret.isEmpty else { return nil }
        let client = PlatformAPIClient(service: "GitHub")
        let apiURL = PlatformHTTP.apiBaseURL(settings.value(.githubAPIURL) ?? "https://api.github.com")
        let tokens: any GitHubTokenSource
        if let token = settings.secret(.githubToken)?.value, !token.isEmpty {
            tokens = PersonalToken(value: token)
        } else if let appID = settings.value(.githubAppID), let pem = settings.secret(.githubAppPrivateKey)?.value {
            do {
                tokens = AppInstallationTokens(jwt: try AppJWT(appID: appID, pem: pem), client: client, apiURL: apiURL)
            } catch {
                throw PlatformSetupError(
                    "the GitHub App private key (\(SettingKey.githubAppPrivateKey.variable)) is not a readable RSA PEM key: \(error)")
            }
        } else {
            throw PlatformSetupError("""
                GitHub is half-configured: \(SettingKey.githubWebhookSecret.variable) is set but there is no token to \
                answer with; set \(SettingKey.githubToken.variable) (a personal token) or \(SettingKey.githubAppID.variable) \
                and \(SettingKey.githubAppPrivateKey.variable) (a GitHub App)
                """)
        }
        return GitHubAPI(client: client, apiURL: apiURL, tokens: tokens)
    }
}
