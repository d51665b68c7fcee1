import PlatformHTTP

/// Where the bearer token for a GitHub call comes from: a personal token, or a GitHub App's
/// installation token for the repository. Every GitHub use (comments, GitOps, Actions) takes one.
public protocol GitHubTokenSource: Sendable {
    /// The token for a call about `repository` (`owner/name`), or about none (`GET /users/{login}`) when nil.
    func token(for repository: String?) async throws(BackendHTTPError) -> String
    /// A webhook names the App installation it came through: remember it for that repository.
    func remember(installation: Int64, for repository: String) async
    /// Which setting it comes from, for `config check`: `platforms.github.token`.
    var origin: String { get }
}

/// A personal access token (classic or fine-grained): the same token for every repository.
public struct PersonalToken: GitHubTokenSource {
    let value: String
    public let origin: String

    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    public func token(for repository: String?) async throws(BackendHTTPError) -> String { value }
    public func remember(installation: Int64, for repository: String) async {}
}
