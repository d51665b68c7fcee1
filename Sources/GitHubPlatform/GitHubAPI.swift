import Foundation
import GitHubREST
import PlatformHTTP

/// The REST calls the bot makes on GitHub: react to a comment, comment on an issue or pull
/// request, edit its own comment, and look a login's user id up.
struct GitHubAPI: Sendable {
    let client: PlatformAPIClient
    let apiURL: String
    let tokens: any GitHubTokenSource

    /// `POST /repos/{owner}/{repo}/issues/comments/{id}/reactions` with `{"content":"eyes"}`.
    func react(_ content: String, toComment id: Int64, in repository: String) async throws(APIError) {
        struct Reaction: Encodable { let content: String }
        _ = try await client.sendExpectingSuccess(
            try await request(.POST, "/repos/\(repository)/issues/comments/\(id)/reactions", repository: repository,
                        body: Reaction(content: content)))
    }

    /// `POST /repos/{owner}/{repo}/issues/{number}/comments`; returns the new comment's id.
    func comment(_ body: String, onIssue number: String, in repository: String) async throws(APIError) -> Int64 {
        let response = try await client.sendExpectingSuccess(
            try await request(.POST, "/repos/\(repository)/issues/\(number)/comments", repository: repository,
                        body: CommentBody(body: body)))
        return try response.decode(CreatedComment.self, service: client.service).id
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
    func editComment(_ id: String, body: String, in repository: String) async throws(APIError) {
        _ = try await client.sendExpectingSuccess(
            try await request(.PATCH, "/repos/\(repository)/issues/comments/\(id)", repository: repository,
                        body: CommentBody(body: body)))
    }

    /// `GET /users/{login}`: the account's numeric id, which a rename does not change.
    func user(login: String) async throws(APIError) -> User {
        let token = try await tokens.accountToken()
        let request = APIRequest(.GET, apiURL + "/users/" + login, headers: GitHubREST.headers(bearer: token))
        return try await client.sendExpectingSuccess(request).decode(User.self, service: client.service)
    }

    func request<Body: Encodable>(_ method: APIRequest.Method, _ path: String, repository: String,
                                  body: Body) async throws(APIError) -> APIRequest {
        let token = try await tokens.token(repository: repository)
        do {
            return try APIRequest.json(method, apiURL + path, headers: GitHubREST.headers(bearer: token), body: body)
        } catch {
            throw .malformed(service: client.service, detail: "could not encode the request: \(error)")
        }
    }

    struct CommentBody: Encodable { let body: String }
    struct CreatedComment: Decodable { let id: Int64 }
    struct User: Decodable { let id: Int64; let login: String }
}
