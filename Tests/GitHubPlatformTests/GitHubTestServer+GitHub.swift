import ChatOpsTestSupport
import Foundation
import Testing

/// What GitHub says: the fake API's answers, and webhook payloads made from the captured one.
extension GitHubTestServer {
    /// The numeric ids behind the logins tests use; `GET /users/{login}` answers with them.
    static let userIDs: [String: Int64] = ["alice": 1_001, "bob": 1_002, "carol": 1_003]

    /// What api.github.com answers: 201 with the new comment or reaction, 200 for an edit, a user
    /// for `GET /users/{login}` (`userIDs`), the App's one installation.
    static let githubAnswers: FakePlatformAPI.Respond = PlatformFakeAnswers.github(users: userIDs)

    /// `GET /users/{login}` as GitHub documents it.
    static func user(login: String, id: Int64) -> FakeResponse { PlatformFakeAnswers.githubUser(login: login, id: id) }

    static let userNotFound = PlatformFakeAnswers.githubUserNotFound

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
