import ChatOpsTestSupport
import Foundation
import Testing

/// What GitHub says: the fake API's answers, and webhook payloads made from the captured one.
extension GitHubTestServer {
    /// The numeric ids behind the logins tests use; `GET /users/{login}` answers with them.
    static let userIDs: [String: Int64] = ["alice": 1_001, "bob": 1_002, "carol": 1_003]

    /// What api.github.com answers: 201 with the new comment or reaction, 200 for an edit, a user
    /// for `GET /users/{login}`, the App's one installation.
    static let githubAnswers: FakePlatformAPI.Respond = { request in
        let commentID = 9_000 + Int(request.body.count % 997)
        switch (request.method, request.path) {
        case ("POST", let path) where path.hasSuffix("/reactions"):
            return .json(#"{"id":1,"node_id":"MDg6UmVhY3Rpb24x","content":"eyes","created_at":"2026-11-21T10:00:00Z"}"#, status: 201)
        case ("POST", let path) where path.hasSuffix("/comments"):
            return .json(#"{"id":\#(commentID),"node_id":"IC_x","body":"…","user":{"login":"chatops[bot]","type":"Bot"}}"#, status: 201)
        case ("PATCH", _):
            return .json(#"{"id":1,"body":"…"}"#)
        case ("GET", let path) where path.hasPrefix("/users/"):
            let login = String(path.dropFirst("/users/".count))
            guard let id = userIDs[login.lowercased()] else { return userNotFound }
            return user(login: login, id: id)
        case ("GET", "/app/installations"):
            return .json(#"[{"id":2311213,"account":{"login":"Codertocat","id":21031067,"type":"User"},"app_id":123456,"target_type":"User"}]"#)
        default:
            return .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"#, status: 404)
        }
    }

    /// `GET /users/{login}` as GitHub documents it (public profile fields; the bot reads `login` and `id`).
    static func user(login: String, id: Int64) -> FakeResponse {
        .json(#"""
            {"login":"\#(login)","id":\#(id),"node_id":"MDQ6VXNlcjE=","avatar_url":"https://avatars.githubusercontent.com/u/\#(id)?v=4",
             "gravatar_id":"","url":"https://api.github.com/users/\#(login)","html_url":"https://github.com/\#(login)",
             "type":"User","site_admin":false,"name":null,"company":null,"blog":"","location":null,"email":null,
             "public_repos":2,"followers":1,"following":0,"created_at":"2015-03-01T10:00:00Z","updated_at":"2026-11-01T10:00:00Z"}
            """#)
    }

    static let userNotFound = FakeResponse.json(
        #"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/users/users#get-a-user","status":"404"}"#,
        status: 404)

    /// The captured `issue_comment` payload with this comment's author (login and id, by default
    /// the id that login has), body, action, id (by default a new one) and creation time (by
    /// default the server's now).
    func payload(body: String, login: String, userID: Int64? = nil, action: String = "created",
                 association: String = "MEMBER", userType: String = "User", installation: Int64? = nil,
                 commentID: Int64? = nil, createdAt: Date? = nil) throws -> [UInt8] {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("issue_comment.created.on-issue.with-organization.octokit.json"))
        var event = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var comment = try #require(event["comment"] as? [String: Any])
        var user = try #require(comment["user"] as? [String: Any])
        user["login"] = login
        user["id"] = userID ?? Self.userIDs[login] ?? 9_999
        user["type"] = userType
        comment["user"] = user
        comment["body"] = body
        comment["author_association"] = association
        comment["created_at"] = ISO8601DateFormatter().string(from: createdAt ?? clock.now)
        // Every comment is a new one unless the test replays it: the bot deduplicates on this id.
        comment["id"] = commentID ?? Int64.random(in: 500_000_000...999_999_999)
        event["comment"] = comment
        event["action"] = action
        if let installation { event["installation"] = ["id": installation, "node_id": "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="] }
        return Array(try JSONSerialization.data(withJSONObject: event))
    }
}
