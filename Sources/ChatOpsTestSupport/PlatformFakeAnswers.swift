import Foundation
import Synchronization

/// What the platforms' APIs answer, as their documentation and the captured payloads show. Each
/// call makes a responder with its own numbering, so a test knows the ids its fake hands out.
public enum PlatformFakeAnswers {
    /// Slack's Web API: `chat.postMessage` answers a fresh `ts` (`slackTS(1)`, `slackTS(2)`…) in the
    /// channel asked for, `chat.update` ok, anything else `unknown_method`.
    public static func slack() -> FakePlatformAPI.Respond {
        let counter = Counter()
        return { request in
            let channel = request.json?["channel"] as? String ?? ""
            switch request.path {
            case "/chat.postMessage":
                return .json(#"{"ok":true,"channel":"\#(channel)","ts":"\#(slackTS(counter.next()))","message":{"type":"message"}}"#)
            case "/chat.update":
                let ts = request.json?["ts"] as? String ?? ""
                return .json(#"{"ok":true,"channel":"\#(channel)","ts":"\#(ts)","text":"updated"}"#)
            default:
                return .json(#"{"ok":false,"error":"unknown_method"}"#)
            }
        }
    }

    /// The `ts` of the `n`th message the fake Slack posted.
    public static func slackTS(_ n: Int) -> String { "1700000000." + String(format: "%06d", n) }

    /// Discord's API: `answer` first; when it says nil, a new message (ids `discordMessageID(1)`…)
    /// in `channel`.
    public static func discord(channel: String,
                               answer: @escaping @Sendable (RecordedRequest) async -> FakeResponse? = { _ in nil }) -> FakePlatformAPI.Respond {
        let counter = Counter()
        return { request in
            if let answer = await answer(request) { return answer }
            return .json(#"{"id":"\#(discordMessageID(counter.next()))","channel_id":"\#(channel)","type":0}"#)
        }
    }

    public static func discordMessageID(_ n: Int) -> String { String(900_000_000_000_000_000 + n) }

    /// api.github.com: 201 with the new comment (ids 7000001…), issue (numbers 4201…) or reaction, 200 for an edit, a user
    /// from `users` (login → id) for `GET /users/{login}`, the App's one installation.
    public static func github(users: [String: Int64]) -> FakePlatformAPI.Respond {
        let counter = Counter()
        return { request in
            switch (request.method, request.path) {
            case ("POST", let path) where path.hasSuffix("/reactions"):
                return .json(#"{"id":1,"node_id":"MDg6UmVhY3Rpb24x","content":"eyes","created_at":"2026-11-21T10:00:00Z"}"#, status: 201)
            case ("POST", let path) where path.hasSuffix("/issues"):
                // Create an issue: 201 with the new issue (numbers 4201…), as the REST docs show it.
                let number = 4200 + counter.next()
                let title = (request.json?["title"] as? String ?? "").replacingOccurrences(of: "\"", with: "\\\"")
                return .json(#"{"id":\#(90_000_000 + number),"number":\#(number),"state":"open","title":"\#(title)","#
                             + #""html_url":"https://github.com\#(path.dropFirst("/repos".count))/\#(number)","user":{"login":"chatops[bot]","type":"Bot"}}"#,
                             status: 201)
            case ("POST", let path) where path.hasSuffix("/comments"):
                return .json(#"{"id":\#(7_000_000 + counter.next()),"node_id":"IC_x","body":"…","user":{"login":"chatops[bot]","type":"Bot"}}"#,
                             status: 201)
            case ("PATCH", _):
                return .json(#"{"id":1,"body":"…"}"#)
            case ("GET", let path) where path.hasPrefix("/users/"):
                let login = String(path.dropFirst("/users/".count))
                guard let id = users.first(where: { $0.key.lowercased() == login.lowercased() })?.value else { return githubUserNotFound }
                return githubUser(login: login, id: id)
            case ("GET", "/app/installations"):
                return .json(#"[{"id":2311213,"account":{"login":"Codertocat","id":21031067,"type":"User"},"app_id":123456,"target_type":"User"}]"#)
            default:
                return .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"#, status: 404)
            }
        }
    }

    /// `GET /users/{login}` as GitHub documents it (public profile fields; the bot reads `login` and `id`).
    public static func githubUser(login: String, id: Int64) -> FakeResponse {
        .json(#"""
            {"login":"\#(login)","id":\#(id),"node_id":"MDQ6VXNlcjE=","avatar_url":"https://avatars.githubusercontent.com/u/\#(id)?v=4",
             "gravatar_id":"","url":"https://api.github.com/users/\#(login)","html_url":"https://github.com/\#(login)",
             "type":"User","site_admin":false,"name":null,"company":null,"blog":"","location":null,"email":null,
             "public_repos":2,"followers":1,"following":0,"created_at":"2015-03-01T10:00:00Z","updated_at":"2026-11-01T10:00:00Z"}
            """#)
    }

    public static let githubUserNotFound = FakeResponse.json(
        #"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/users/users#get-a-user","status":"404"}"#,
        status: 404)
}

/// Numbers calls across a fake's concurrent handlers: 1, 2, 3…
public final class Counter: Sendable {
    private let count = Mutex(0)

    public init() {}

    public func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
