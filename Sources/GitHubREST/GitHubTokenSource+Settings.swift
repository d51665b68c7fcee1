import ChatOpsConfig
import PlatformHTTP

/// Why the GitHub connection in the settings cannot be used (a GitHub App with half its settings,
/// a key that is not one), worded with the setting to fix.
public struct GitHubSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension GitHubREST {
    /// The API base from `platforms.github.api_url`, without its trailing slash.
    public static func apiURL(_ settings: Settings) -> String {
        PlatformHTTP.apiBaseURL(settings.value(.githubAPIURL) ?? defaultAPIURL)
    }

    /// The GitHub connection the settings describe, as the comments use it and a backend may share
    /// it: a personal token (`platforms.github.token`), else a GitHub App's installation tokens
    /// (`platforms.github.app_id` with `app_private_key`). Nil when neither is set. `note` is added
    /// to the source's origin (`shared, as backends.pipeline.use_github_token says`).
    public static func tokenSource(_ settings: Settings, http: HTTPClientPool,
                                   note: String? = nil) throws(GitHubSetupError) -> (any GitHubTokenSource)? {
        func origin(_ path: String, _ detail: String? = nil) -> String {
            let notes = [detail, note].compactMap { $0 }
            return path + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
        }
        if let token = settings.secret(.githubToken)?.value, !token.isEmpty {
            return PersonalToken(token, origin: origin(SettingKey.githubToken.path))
        }
        let appID = settings.value(.githubAppID).flatMap { $0.isEmpty ? nil : $0 }
        let pem = settings.secret(.githubAppPrivateKey).map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        switch (appID, pem) {
        case (nil, nil):
            return nil
        case (let appID?, let pem?):
            let jwt: AppJWT
            do { jwt = try AppJWT(appID: appID, pem: pem) } catch {
                throw GitHubSetupError("the GitHub App private key (\(SettingKey.githubAppPrivateKey.variable)) is not a readable RSA PEM key: \(error)")
            }
            return AppInstallationTokens(jwt: jwt, client: http.api("GitHub"), apiURL: apiURL(settings),
                                         origin: origin(SettingKey.githubAppID.path, "GitHub App \(appID), installation tokens"))
        default:
            throw GitHubSetupError("the GitHub App needs both \(SettingKey.githubAppID.variable) and "
                                   + "\(SettingKey.githubAppPrivateKey.variable); one of them is not set")
        }
    }

    /// A backend's GitHub connection: its own token (`own`); else, when the boolean setting
    /// `sharing` is on, the comments' connection (their token or GitHub App), reported as shared.
    /// Nil when neither: the backend is off.
    public static func tokenSource(own: SettingKey, sharing: SettingKey, _ settings: Settings,
                                   http: HTTPClientPool) throws(GitHubSetupError) -> (any GitHubTokenSource)? {
        if let token = settings.secret(own)?.value, !token.isEmpty {
            return PersonalToken(token, origin: "\(own.path) (\(settings.origin(own)))")
        }
        guard ["1", "true", "yes", "on"].contains((settings.value(sharing) ?? "").lowercased()) else { return nil }
        return try tokenSource(settings, http: http, note: "shared, as \(sharing.path) says")
    }
}
