import PlatformHTTP

/// Where the bearer token for a call about one repository comes from: a personal token, or a
/// GitHub App's installation token for that repository.
protocol GitHubTokenSource: Sendable {
    func token(repository: String) async throws(APIError) -> String
    /// A token for a call about no repository (`GET /users/{login}`).
    func accountToken() async throws(APIError) -> String
    /// A webhook names the App installation it came through: remember it for that repository.
    func remember(installation: Int64, for repository: String) async
}

/// A personal access token (classic or fine-grained): the same token for every repository.
struct PersonalToken: GitHubTokenSource {
    let value: String

    func token(repository: String) async throws(APIError) -> String { value }
    func accountToken() async throws(APIError) -> String { value }
    func remember(installation: Int64, for repository: String) async {}
}
