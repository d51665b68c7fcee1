import Foundation
import PlatformHTTP

/// GitHub's REST API as the GitHub comments, the CI pipeline and GitOps call it: the token for
/// the call's repository from one token source, GitHub's headers, reads retried on no answer or
/// a gateway error (a change is sent once), and every failure worded from GitHub's table with
/// what the use and the call add to it.
public struct GitHubClient: Sendable {
    /// `https://api.github.com`, without a trailing slash.
    public let baseURL: String
    public let tokens: any GitHubTokenSource
    /// GitHub's table with what this use adds (which token a 401 means).
    public let wording: HTTPErrorWording
    let api: PlatformAPIClient
    /// Never follows a redirect: one that must be followed by hand, without the token (job logs).
    let redirectFree: PlatformAPIClient
    let readAttempts: Int

    /// `http` is the process's pool; `hints` are this use's own (`[401: "… (CHATOPS_PIPELINE_TOKEN)"]`).
    public init(baseURL: String = GitHubREST.defaultAPIURL, tokens: any GitHubTokenSource, http: HTTPClientPool,
                hints: [Int: String] = [:], timeout: Duration = .seconds(15), readAttempts: Int = 3) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.tokens = tokens
        wording = GitHubREST.wording.adding(hints)
        api = PlatformAPIClient(service: "GitHub", http: http.standard, timeout: timeout)
        redirectFree = PlatformAPIClient(service: "GitHub", http: http.noRedirects, timeout: timeout)
        self.readAttempts = readAttempts
    }

    /// `BASE/path?query`; `path` must already be percent-encoded where it holds names (`PathSegment`).
    public func url(_ path: String, query: [(String, String)] = []) -> String {
        baseURL + path + (query.isEmpty ? "" : "?" + QueryString.encode(query))
    }

    /// A JSON request as it will be sent, without the token (what a dry-run plan shows).
    public func json<Body: Encodable>(_ method: APIRequest.Method, _ url: String, body: Body,
                                      _ call: Call) throws(BackendHTTPError) -> APIRequest {
        do {
            return try APIRequest.json(method, url, body: body)
        } catch {
            throw .notSent("the request could not be written (\(error))", service: wording.service, call: call.words, hint: nil)
        }
    }

    /// A GET whose answer must be a 2xx JSON body of type `T`.
    public func get<T: Decodable>(_ type: T.Type, _ url: String, _ call: Call) async throws(BackendHTTPError) -> T {
        try wording(for: call).decode(type, from: try await read(APIRequest(.GET, url), call), call: call.words)
    }

    /// A call that changes nothing: tried again on no answer or a gateway error. A status outside
    /// `accepted` is an error. `followRedirects: false` hands a redirect back as it is;
    /// `authenticated: false` sends no token (a pre-signed URL on another host).
    public func read(_ request: APIRequest, _ call: Call, followRedirects: Bool = true, authenticated: Bool = true,
                     accepting accepted: Range<Int> = 200..<300) async throws(BackendHTTPError) -> APIResponse {
        let request = authenticated ? try await authorized(request, call) : request
        let response: APIResponse
        do {
            response = try await (followRedirects ? api : redirectFree).read(request, attempts: readAttempts)
        } catch {
            throw wording(for: call).failure(error, call: call.words)
        }
        return try checked(response, call, accepting: accepted)
    }

    /// A call that changes something: sent once (only a 429 with a short Retry-After is resent).
    public func send(_ request: APIRequest, _ call: Call) async throws(BackendHTTPError) -> APIResponse {
        let request = try await authorized(request, call)
        let response: APIResponse
        do { response = try await api.send(request) } catch { throw wording(for: call).failure(error, call: call.words) }
        return try checked(response, call)
    }

    /// A JSON call that changes something, and its JSON answer.
    public func send<Body: Encodable, T: Decodable>(_ method: APIRequest.Method, _ url: String, body: Body, _ call: Call,
                                                   as type: T.Type) async throws(BackendHTTPError) -> T {
        let response = try await send(try json(method, url, body: body, call), call)
        return try wording(for: call).decode(type, from: response, call: call.words)
    }

    /// GitHub's headers with the token for the call's repository (a header the request sets itself, such as its own `Accept`, is kept).
    func authorized(_ request: APIRequest, _ call: Call) async throws(BackendHTTPError) -> APIRequest {
        var request = request
        let token = try await tokens.token(for: call.repository)
        let own = Set(request.headers.map { $0.0.lowercased() })
        request.headers = GitHubREST.headers(bearer: token).filter { !own.contains($0.0.lowercased()) } + request.headers
        return request
    }

    /// The response when its status is in `accepted`, else the error for it. A 403 is the rate
    /// limit, not a permission, when GitHub says so (`x-ratelimit-remaining: 0`, or the secondary
    /// limit's message).
    func checked(_ response: APIResponse, _ call: Call, accepting accepted: Range<Int> = 200..<300) throws(BackendHTTPError) -> APIResponse {
        guard !accepted.contains(response.status) else { return response }
        var wording = wording(for: call)
        let message = wording.message(response)
        if response.status == 403, call.fallback == nil,
           response.header("x-ratelimit-remaining") == "0" || message.lowercased().contains("rate limit") {
            wording = wording.adding([403: GitHubREST.rateLimitUsedUp])
        }
        throw wording.status(response.status, message: message, call: call.words)
    }

    /// The client's table with what `call` knows better.
    func wording(for call: Call) -> HTTPErrorWording {
        var wording = wording
        if let fallback = call.fallback {
            wording.hints = wording.hints.filter { !(400..<500).contains($0.key) || $0.key == 429 }
            wording.fallback = fallback
        }
        return wording.adding(call.hints)
    }
}

extension GitHubClient {
    /// One call, as its errors name it and word its statuses.
    public struct Call: Sendable {
        /// After the verb: `for workflow ci.yml in acme/iris`, `to write apps/iris/kustomization.yaml in acme/gitops`.
        public var words: String
        /// The repository (`owner/name`) the token must reach; nil for a call about none (`GET /users/{login}`).
        public var repository: String?
        /// What this call's statuses mean, where it knows better than GitHub's table (403: the permission it needs).
        public var hints: [Int: String]
        /// For every 4xx this call does not name: set by a call that is not to the API itself (a
        /// pre-signed download), whose refusals mean something else.
        public var fallback: String?

        public init(_ words: String, repository: String?, hints: [Int: String] = [:], fallback: String? = nil) {
            self.words = words
            self.repository = repository
            self.hints = hints
            self.fallback = fallback
        }
    }
}
