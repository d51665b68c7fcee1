import Foundation
import GitHubREST
import PlatformHTTP

/// The parts of GitHub's REST API a GitOps change needs: file contents (read and write with the
/// `sha` precondition), a file's commits, branches, pull requests and their merge. Reads are
/// retried on no answer or a gateway error; writes are sent once.
public struct GitHubRepoClient: Sendable {
    let client: PlatformAPIClient
    let baseURL: String
    let token: String

    public init(baseURL: String, token: String, client: PlatformAPIClient) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.token = token
        self.client = client
    }

    var headers: [(String, String)] { GitHubREST.headers(bearer: token) }

    /// `BASE/repos/{repo}/{path}?query`: `path` must already be percent-encoded where it holds
    /// names (`PathSegment.encodePath`); query values are encoded here.
    func url(_ repository: String, _ path: String, query: [(String, String?)] = []) -> String {
        var components = URLComponents()
        components.queryItems = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        let encodedQuery = components.percentEncodedQuery.map { $0.isEmpty ? "" : "?\($0)" } ?? ""
        return "\(baseURL)/repos/\(repository)/\(path)\(encodedQuery)"
    }

    func get<T: Decodable>(_ url: String, as type: T.Type, call: GitHubCall) async throws(GitOpsError) -> T {
        let response = try await exchange(APIRequest(.GET, url, headers: headers), call: call, read: true)
        do { return try response.decode(T.self, service: "GitHub") } catch { throw .malformed(call: call, detail: "\(error)") }
    }

    func send<Body: Encodable, T: Decodable>(_ method: APIRequest.Method, _ url: String, body: Body, as type: T.Type,
                                             call: GitHubCall) async throws(GitOpsError) -> T {
        let response = try await exchange(request(method, url, body: body), call: call, read: false)
        do { return try response.decode(T.self, service: "GitHub") } catch { throw .malformed(call: call, detail: "\(error)") }
    }

    func request<Body: Encodable>(_ method: APIRequest.Method, _ url: String, body: Body) -> APIRequest {
        APIRequest(method, url, headers: headers + [("Content-Type", "application/json; charset=utf-8")],
                   body: try? JSONBody.encode(body))
    }

    func exchange(_ request: APIRequest, call: GitHubCall, read: Bool) async throws(GitOpsError) -> APIResponse {
        let response: APIResponse
        do {
            response = read ? try await client.read(request) : try await client.send(request)
        } catch {
            if case .rateLimited = error { throw .rateLimited(call: call, detail: "\(error)") }
            throw .unreachable(call: call, detail: "\(error)")
        }
        guard response.isSuccess else {
            struct Message: Decodable { let message: String? }
            let message = (try? JSONDecoder().decode(Message.self, from: response.body))?.message ?? response.excerpt
            throw .status(call: call, code: response.status, message: message)
        }
        return response
    }
}
