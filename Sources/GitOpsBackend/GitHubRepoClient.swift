import Foundation
import GitHubREST
import PlatformHTTP

/// The parts of GitHub's REST API a GitOps change needs: file contents (read and write with the
/// `sha` precondition), a file's commits, branches, pull requests and their merge. A GitOps view
/// over the shared GitHub client: the token for each repository comes from the token source (a
/// personal token, or a GitHub App's installation token), reads are retried on no answer or a
/// gateway error, writes are sent once.
public struct GitHubRepoClient: Sendable {
    let github: GitHubClient

    /// What GitHub's statuses mean for GitOps, over GitHub's own table; each call adds the
    /// permission a 403 lacks and what a 404 could not find (`GitHubCall`).
    public static let hints = [
        401: "the token is missing, invalid or expired (CHATOPS_GITOPS_TOKEN, or the GitHub token it is set to share)",
        409: "the file or branch changed at the same time",
        422: "GitHub rejected the change",
        429: "nothing was changed; wait a few minutes and ask again",
    ]

    /// `http` is the process's pool; `tokens` GitOps' token source (its own token, or the GitHub
    /// comments' token or App).
    public init(baseURL: String = GitHubREST.defaultAPIURL, tokens: any GitHubTokenSource, http: HTTPClientPool,
                timeout: Duration = .seconds(15), readAttempts: Int = 3) {
        github = GitHubClient(baseURL: baseURL, tokens: tokens, http: http, hints: Self.hints, timeout: timeout,
                              readAttempts: readAttempts)
    }

    /// GitHub's API base (`https://api.github.com`).
    var baseURL: String { github.baseURL }

    /// `BASE/repos/{repo}/{path}?query`: `path` must already be percent-encoded where it holds
    /// names (`PathSegment.encodePath`); query values are encoded here (a `/` in a path stays
    /// readable, as the dry-run plans show it).
    func url(_ repository: String, _ path: String, query: [(String, String?)] = []) -> String {
        var components = URLComponents()
        components.queryItems = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        let encodedQuery = components.percentEncodedQuery.map { $0.isEmpty ? "" : "?\($0)" } ?? ""
        return "\(baseURL)/repos/\(repository)/\(path)\(encodedQuery)"
    }

    /// A read whose answer must be a 2xx JSON body of type `T`.
    func get<T: Decodable>(_ url: String, as type: T.Type, call: GitHubCall) async throws(GitOpsError) -> T {
        do { return try await github.get(type, url, call.call) } catch { throw .api(error) }
    }

    /// A JSON change, sent once, and its JSON answer.
    func send<Body: Encodable, T: Decodable>(_ method: APIRequest.Method, _ url: String, body: Body, as type: T.Type,
                                             call: GitHubCall) async throws(GitOpsError) -> T {
        do { return try await github.send(method, url, body: body, call.call, as: type) } catch { throw .api(error) }
    }

    /// A change without a body whose answer says nothing (`DELETE`), sent once.
    func send(_ method: APIRequest.Method, _ url: String, call: GitHubCall) async throws(GitOpsError) {
        do { _ = try await github.send(APIRequest(method, url), call.call) } catch { throw .api(error) }
    }

    /// An answer GitHub gave that is not what the call expects, worded as GitHub's others are.
    func malformed(_ detail: String, call: GitHubCall) -> GitOpsError {
        .api(github.wording.malformed(detail, call: call.call.words))
    }
}
