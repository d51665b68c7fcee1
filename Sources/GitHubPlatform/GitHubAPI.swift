import GitHubREST
import PlatformHTTP

/// The REST calls the bot makes on GitHub: react to a comment, comment on an issue or pull
/// request, edit its own comment, and look a login's user id up.
struct GitHubAPI: Sendable {
    let client: GitHubClient

    /// Where the tokens come from (a webhook's installation is remembered there).
    var tokens: any GitHubTokenSource { client.tokens }

    /// What a 401 means for the comments: their token, or the App's installation token.
    static let hints = [401: "the token is missing, invalid or expired (CHATOPS_GITHUB_TOKEN, or the GitHub App's installation token)"]

    /// `POST /repos/{owner}/{repo}/issues/comments/{id}/reactions` with `{"content":"eyes"}`.
    func react(_ content: String, toComment id: Int64, in repository: String) async throws(BackendHTTPError) {
        struct Reaction: Encodable { let content: String }
        let call = Self.call("to react to comment \(id) in \(repository)", repository)
        _ = try await client.send(try client.json(.POST, client.url("/repos/\(repository)/issues/comments/\(id)/reactions"),
                                                  body: Reaction(content: content), call), call)
    }

    /// `POST /repos/{owner}/{repo}/issues/{number}/comments`; returns the new comment's id.
    func comment(_ body: String, onIssue number: String, in repository: String) async throws(BackendHTTPError) -> Int64 {
        try await client.send(.POST, client.url("/repos/\(repository)/issues/\(number)/comments"), body: CommentBody(body: body),
                              Self.call("to comment on \(repository)#\(number)", repository), as: CreatedComment.self).id
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
    func editComment(_ id: String, body: String, in repository: String) async throws(BackendHTTPError) {
        let call = Self.call("to edit comment \(id) in \(repository)", repository)
        _ = try await client.send(try client.json(.PATCH, client.url("/repos/\(repository)/issues/comments/\(id)"),
                                                  body: CommentBody(body: body), call), call)
    }

    /// `GET /users/{login}`: the account's numeric id, which a rename does not change.
    func user(login: String) async throws(BackendHTTPError) -> User {
        try await client.get(User.self, client.url("/users/" + login),
                             GitHubClient.Call("to look up the user \(login)", repository: nil,
                                               hints: [404: "there is no GitHub user \(login) (check the policy's github: logins)"]))
    }

    /// A call on an issue or its comments: a 403 names the permission comments need.
    static func call(_ words: String, _ repository: String) -> GitHubClient.Call {
        GitHubClient.Call(words, repository: repository, hints: [
            403: "the token cannot comment on \(repository) (fine-grained token or GitHub App: Issues and Pull requests write; "
                + "classic token: repo scope)",
            404: "\(repository) or the issue does not exist, or the token cannot see it",
        ])
    }

    struct CommentBody: Encodable { let body: String }
    struct CreatedComment: Decodable { let id: Int64 }
    struct User: Decodable { let id: Int64; let login: String }
}

/// Issues the bot opens itself (incidents): create with labels, edit the body, close.
extension GitHubAPI {
    /// `POST /repos/{owner}/{repo}/issues`; returns the new issue's number.
    func openIssue(title: String, body: String, labels: [String], in repository: String) async throws(BackendHTTPError) -> Int64 {
        struct NewIssue: Encodable { let title: String; let body: String; let labels: [String] }
        struct Created: Decodable { let number: Int64 }
        return try await client.send(.POST, client.url("/repos/\(repository)/issues"), body: NewIssue(title: title, body: body, labels: labels),
                                     Self.call("to open an issue in \(repository)", repository), as: Created.self).number
    }

    /// `PATCH /repos/{owner}/{repo}/issues/{number}` with the new body, or `state: closed`.
    func editIssue(_ number: String, body: String? = nil, state: String? = nil, in repository: String) async throws(BackendHTTPError) {
        struct Edit: Encodable { let body: String?; let state: String? }
        let call = Self.call("to edit issue \(repository)#\(number)", repository)
        _ = try await client.send(try client.json(.PATCH, client.url("/repos/\(repository)/issues/\(number)"),
                                                  body: Edit(body: body, state: state), call), call)
    }
}
