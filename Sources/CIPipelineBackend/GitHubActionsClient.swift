import AsyncHTTPClient
import Foundation
import GitHubREST
import PlatformHTTP

/// GitHub Actions' REST API with a bearer token. Reads are retried on a gateway error or no
/// answer; the dispatch is sent once. Errors name the repository, workflow, run or job.
public struct GitHubActionsClient: Sendable {
    let api: PlatformAPIClient
    /// Never follows redirects: the job-log redirect is followed by hand, without the token.
    let redirectFree: PlatformAPIClient
    let baseURL: String
    let token: String
    let readAttempts: Int

    public static let defaultBaseURL = "https://api.github.com"

    /// `http` is the process's pool: the standard client for the API, the one that never follows
    /// redirects for job logs.
    public init(baseURL: String = GitHubActionsClient.defaultBaseURL, token: String, http: HTTPClientPool,
                timeout: Duration = .seconds(15), readAttempts: Int = 3) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.token = token
        self.readAttempts = readAttempts
        api = PlatformAPIClient(service: "GitHub", http: http.standard, timeout: timeout)
        redirectFree = PlatformAPIClient(service: "GitHub", http: http.noRedirects, timeout: timeout)
    }

    /// The headers GitHub documents for its REST API, the token included.
    var headers: [(String, String)] { GitHubREST.headers(bearer: token) }

    /// `BASE/repos/OWNER/NAME/…` with an optional query.
    func url(_ repository: GitHubRepository, _ path: String, query: [(String, String)] = []) -> String {
        let base = baseURL + repository.apiPath + path
        guard !query.isEmpty else { return base }
        return base + "?" + QueryString.encode(query)
    }

    /// A GET whose answer must be a 2xx JSON body of type `T`.
    func get<T: Decodable>(_ type: T.Type, _ url: String, about subject: ActionsSubject) async throws(GitHubActionsError) -> T {
        let response = try await read(APIRequest(.GET, url, headers: headers), about: subject)
        do {
            return try response.decode(T.self, service: "GitHub")
        } catch {
            throw Self.error(error, about: subject)
        }
    }

    /// A GET, retried on no answer or 502/503/504; any status but 2xx becomes a typed error.
    func read(_ request: APIRequest, about subject: ActionsSubject, through client: PlatformAPIClient? = nil,
              accepting accepted: Range<Int> = 200..<300) async throws(GitHubActionsError) -> APIResponse {
        let response: APIResponse
        do {
            response = try await (client ?? api).read(request, attempts: readAttempts)
        } catch {
            throw Self.error(error, about: subject)
        }
        return try Self.checked(response, about: subject, accepting: accepted)
    }

    /// A call that changes something: sent once (only a 429 with a short Retry-After is resent).
    func send(_ request: APIRequest, about subject: ActionsSubject) async throws(GitHubActionsError) -> APIResponse {
        let response: APIResponse
        do {
            response = try await api.send(request)
        } catch {
            throw Self.error(error, about: subject)
        }
        return try Self.checked(response, about: subject)
    }

    /// The response when its status is in `accepted`; otherwise the error for its status. A 403
    /// is a rate limit, not a permission, when GitHub says so (`x-ratelimit-remaining: 0`, or
    /// the secondary limit's message).
    static func checked(_ response: APIResponse, about subject: ActionsSubject,
                        accepting accepted: Range<Int> = 200..<300) throws(GitHubActionsError) -> APIResponse {
        guard accepted.contains(response.status) else {
            let text = message(response)
            let limited = response.header("x-ratelimit-remaining") == "0" || text.lowercased().contains("rate limit")
            throw .status(subject, code: response.status, message: text, rateLimitExhausted: limited)
        }
        return response
    }

    static func error(_ error: APIError, about subject: ActionsSubject) -> GitHubActionsError {
        switch error {
        case .rateLimited(_, let seconds): return .rateLimited(subject, retryAfterSeconds: seconds)
        case .malformed(_, let detail): return .malformed(subject, detail: detail)
        case .unreachable(_, _, let detail): return .unreachable(subject, detail: detail)
        default: return .unreachable(subject, detail: "\(error)")
        }
    }

    /// GitHub's errors are `{"message": "...", "documentation_url": "..."}`.
    static func message(_ response: APIResponse) -> String {
        struct Body: Decodable { let message: String? }
        return (try? JSONDecoder().decode(Body.self, from: response.body))?.message ?? response.excerpt
    }
}
