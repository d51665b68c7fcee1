import ChatOpsConfig
import Foundation
import PlatformHTTP

/// A GitHub App's installation tokens: a JWT signed with the App's private key buys a one-hour
/// token for the installation that covers a repository; tokens are cached until shortly before
/// they expire and never written anywhere.
public actor AppInstallationTokens: GitHubTokenSource {
    let jwt: AppJWT
    let client: PlatformAPIClient
    let apiURL: String
    let now: @Sendable () -> Date
    public nonisolated let origin: String
    private var installations: [String: Int64] = [:]
    private var tokens: [Int64: (token: String, expiresAt: Date)] = [:]

    /// `client` reaches GitHub's API at `apiURL`; `origin` names the settings, for `config check`.
    public init(jwt: AppJWT, client: PlatformAPIClient, apiURL: String, origin: String,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.jwt = jwt
        self.client = client
        self.apiURL = PlatformHTTP.apiBaseURL(apiURL)
        self.origin = origin
        self.now = now
    }

    public func remember(installation: Int64, for repository: String) {
        installations[repository] = installation
    }

    /// The token of the installation on `repository`; for no repository, the first installation's
    /// (any installation may read users).
    public func token(for repository: String?) async throws(BackendHTTPError) -> String {
        guard let repository else { return try await token(installation: try await anyInstallation()) }
        return try await token(installation: try await installationID(for: repository))
    }

    func token(installation: Int64) async throws(BackendHTTPError) -> String {
        if let cached = tokens[installation], cached.expiresAt.timeIntervalSince(now()) > 300 { return cached.token }
        struct AccessToken: Decodable { let token: String; let expires_at: String }
        let call = "to create a token for the App's installation \(installation)"
        let answer = try await app(.POST, "/app/installations/\(installation)/access_tokens", call: call, as: AccessToken.self)
        let expiry = ISO8601DateFormatter().date(from: answer.expires_at) ?? now().addingTimeInterval(3000)
        tokens[installation] = (answer.token, expiry)
        return answer.token
    }

    /// The installation from a webhook, else asked of GitHub (`GET /repos/{owner}/{repo}/installation`).
    func installationID(for repository: String) async throws(BackendHTTPError) -> Int64 {
        if let known = installations[repository] { return known }
        struct Installation: Decodable { let id: Int64 }
        let found = try await app(.GET, "/repos/\(repository)/installation", call: "to find the App's installation on \(repository)",
                                  as: Installation.self, hints: [404: "the App is not installed on \(repository); install it there"])
        installations[repository] = found.id
        return found.id
    }

    /// `GET /app/installations?per_page=1`.
    func anyInstallation() async throws(BackendHTTPError) -> Int64 {
        struct Installation: Decodable { let id: Int64 }
        let call = "to list the App's installations"
        guard let first = try await app(.GET, "/app/installations?per_page=1", call: call, as: [Installation].self).first else {
            throw .refused("the App is not installed anywhere", service: Self.wording.service, call: call, hint: "install it on the repositories")
        }
        return first.id
    }

    /// A call authenticated as the App itself (its JWT), not as an installation.
    func app<T: Decodable>(_ method: APIRequest.Method, _ path: String, call: String, as type: T.Type,
                           hints: [Int: String] = [:]) async throws(BackendHTTPError) -> T {
        let wording = Self.wording.adding(hints)
        let signed: String
        do { signed = try jwt.make(at: now()) } catch {
            throw .notSent("the App's private key cannot sign (\(error))", service: wording.service, call: call,
                           hint: "check \(SettingKey.githubAppPrivateKey.variable)")
        }
        let request = APIRequest(method, apiURL + path, headers: GitHubREST.headers(bearer: signed))
        let response = try await client.send(request, call: call, wording: wording)
        return try wording.decode(type, from: response, call: call)
    }

    /// A 401 here is the App's JWT: the App id or its key is wrong.
    static let wording = GitHubREST.wording.adding([
        401: "GitHub refused the App's JWT: check \(SettingKey.githubAppID.variable) and \(SettingKey.githubAppPrivateKey.variable)",
    ])
}
