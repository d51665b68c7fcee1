import Foundation
import GitHubREST
import PlatformHTTP

/// A GitHub App's installation tokens: a JWT signed with the App's private key buys a one-hour
/// token for the installation that covers a repository; tokens are cached until shortly before
/// they expire and never written anywhere.
actor AppInstallationTokens: GitHubTokenSource {
    let jwt: AppJWT
    let client: PlatformAPIClient
    let apiURL: String
    let now: @Sendable () -> Date
    private var installations: [String: Int64] = [:]
    private var tokens: [Int64: (token: String, expiresAt: Date)] = [:]

    init(jwt: AppJWT, client: PlatformAPIClient, apiURL: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.jwt = jwt
        self.client = client
        self.apiURL = apiURL
        self.now = now
    }

    func remember(installation: Int64, for repository: String) {
        installations[repository] = installation
    }

    func token(repository: String) async throws(APIError) -> String {
        try await token(installation: try await installationID(for: repository))
    }

    /// The first installation's token (`GET /app/installations`): any installation may read users.
    func accountToken() async throws(APIError) -> String {
        struct Installation: Decodable { let id: Int64 }
        let request = APIRequest(.GET, "\(apiURL)/app/installations?per_page=1", headers: try appHeaders())
        let found = try await client.sendExpectingSuccess(request).decode([Installation].self, service: client.service)
        guard let first = found.first else {
            throw .refused(service: client.service, method: "GET /app/installations", error: "the App is not installed anywhere")
        }
        return try await token(installation: first.id)
    }

    func token(installation: Int64) async throws(APIError) -> String {
        if let cached = tokens[installation], cached.expiresAt.timeIntervalSince(now()) > 300 { return cached.token }
        struct AccessToken: Decodable { let token: String; let expires_at: String }
        let request = APIRequest(.POST, "\(apiURL)/app/installations/\(installation)/access_tokens", headers: try appHeaders())
        let answer = try await client.sendExpectingSuccess(request).decode(AccessToken.self, service: client.service)
        let expiry = ISO8601DateFormatter().date(from: answer.expires_at) ?? now().addingTimeInterval(3000)
        tokens[installation] = (answer.token, expiry)
        return answer.token
    }

    /// The installation from a webhook, else asked of GitHub (`GET /repos/{owner}/{repo}/installation`).
    func installationID(for repository: String) async throws(APIError) -> Int64 {
        if let known = installations[repository] { return known }
        struct Installation: Decodable { let id: Int64 }
        let request = APIRequest(.GET, "\(apiURL)/repos/\(repository)/installation", headers: try appHeaders())
        let found = try await client.sendExpectingSuccess(request).decode(Installation.self, service: client.service)
        installations[repository] = found.id
        return found.id
    }

    func appHeaders() throws(APIError) -> [(String, String)] {
        let token: String
        do { token = try jwt.make(at: now()) } catch {
            throw .refused(service: client.service, method: "app JWT", error: "the App private key cannot sign: \(error)")
        }
        return GitHubREST.headers(bearer: token)
    }
}
