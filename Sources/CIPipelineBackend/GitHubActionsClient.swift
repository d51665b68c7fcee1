import GitHubREST
import PlatformHTTP

/// GitHub Actions' REST API over the shared GitHub client. Reads are retried on a gateway error
/// or no answer; the dispatch is sent once. Errors name the repository, workflow, run or job.
public struct GitHubActionsClient: Sendable {
    let github: GitHubClient

    public static let defaultBaseURL = GitHubREST.defaultAPIURL

    /// What a 401 means for the pipeline: its own token, or the one it is set to share.
    public static let hints = [401: "the token is missing, invalid or expired (CHATOPS_PIPELINE_TOKEN, or the GitHub token it is set to share)"]

    /// `http` is the process's pool; `tokens` the pipeline's token source (its own token, or the
    /// GitHub comments' token or App).
    public init(baseURL: String = GitHubActionsClient.defaultBaseURL, tokens: any GitHubTokenSource, http: HTTPClientPool,
                timeout: Duration = .seconds(15), readAttempts: Int = 3) {
        github = GitHubClient(baseURL: baseURL, tokens: tokens, http: http, hints: Self.hints, timeout: timeout,
                              readAttempts: readAttempts)
    }

    /// With one personal token.
    public init(baseURL: String = GitHubActionsClient.defaultBaseURL, token: String, http: HTTPClientPool,
                timeout: Duration = .seconds(15), readAttempts: Int = 3) {
        self.init(baseURL: baseURL, tokens: PersonalToken(token, origin: "the pipeline's token"), http: http, timeout: timeout,
                  readAttempts: readAttempts)
    }

    /// GitHub's API base (`https://api.github.com`).
    var baseURL: String { github.baseURL }

    /// `BASE/repos/OWNER/NAME/…` with an optional query.
    func url(_ repository: GitHubRepository, _ path: String, query: [(String, String)] = []) -> String {
        github.url(repository.apiPath + path, query: query)
    }

    /// A GET whose answer must be a 2xx JSON body of type `T`.
    func get<T: Decodable>(_ type: T.Type, _ url: String, about subject: ActionsSubject) async throws(BackendHTTPError) -> T {
        try await github.get(type, url, subject.call)
    }
}
