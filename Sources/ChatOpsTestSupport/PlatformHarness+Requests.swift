import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlatformHTTP

extension PlatformHarness {
    /// POSTs `body` to the server as is.
    public func post(_ path: String, body: [UInt8], headers: [(String, String)]) async throws -> APIResponse {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let name = HTTPField.Name(name) else { throw HarnessError("not a header name: \(name)") }
            fields.append(HTTPField(name: name, value: value))
        }
        let response = try await client.executeRequest(uri: path, method: .post, headers: fields, body: ByteBuffer(bytes: body))
        return APIResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name.rawName, $0.value) },
                           body: Data(response.body.readableBytesView))
    }

    /// GETs `path` (`/metrics`, `/readyz`): the status and the body as text.
    public func get(_ path: String) async throws -> (status: Int, text: String) {
        let response = try await client.executeRequest(uri: path, method: .get, headers: HTTPFields(), body: nil)
        return (Int(response.status.code), String(decoding: response.body.readableBytesView, as: UTF8.self))
    }

    /// POSTs `body` to a Slack route, signed with the harness's secret at `timestamp` (now, by the
    /// harness's clock) unless `signed` is false; `signature` replaces the right one.
    public func postSlack(_ path: String, _ body: String, contentType: String = "application/x-www-form-urlencoded",
                          timestamp: String? = nil, signature: String? = nil, signed: Bool = true,
                          headers: [(String, String)] = []) async throws -> APIResponse {
        var all = headers + [("Content-Type", contentType)]
        if signed {
            let timestamp = timestamp ?? SlackSigning.timestamp(now)
            all.append(("X-Slack-Request-Timestamp", timestamp))
            all.append(("X-Slack-Signature", signature ?? SlackSigning.signature(Array(body.utf8), timestamp: timestamp)))
        }
        return try await post(path, body: Array(body.utf8), headers: all)
    }

    /// POSTs an interaction, signed with the harness's Discord key now, unless `headers` are given.
    public func postDiscord(_ body: Data, headers: [(String, String)]? = nil) async throws -> APIResponse {
        try await post("/discord/interactions", body: Array(body), headers: headers ?? discordSigner.headers(for: body, at: now))
    }

    /// Delivers a webhook as GitHub does. `signature`: nil signs it right, `.some(nil)` sends none,
    /// `.some(value)` sends `value`.
    public func deliverGitHub(_ body: [UInt8], event: String = "issue_comment", delivery: String = UUID().uuidString,
                              signature: String?? = nil) async throws -> APIResponse {
        var headers = [("Content-Type", "application/json"), ("X-GitHub-Event", event), ("X-GitHub-Delivery", delivery),
                       ("User-Agent", "GitHub-Hookshot/044aadd")]
        switch signature {
        case .none: headers.append(("X-Hub-Signature-256", GitHubSigning.signature(body)))
        case .some(.some(let value)): headers.append(("X-Hub-Signature-256", value))
        case .some(.none): break
        }
        return try await post("/github/webhook", body: body, headers: headers)
    }

    // MARK: Waiting

    /// Waits until `condition` holds (the bot works after acknowledging); throws when it does not
    /// within `timeout`. The default is long on purpose: the bot's acknowledged work runs at nice
    /// 19, and with the whole suite on two cores (the alert storm beside it) a few steps of it have
    /// taken more than 10 s. A condition that holds returns at once.
    public func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("timed out waiting for: \(what)")
    }

    /// Waits for the work acknowledged so far (and start-up recovery) to finish.
    public func settle() async {
        await server.work.drain()
    }

    /// The calls the bot made to GitHub after it started, in order.
    public var githubCalls: [RecordedRequest] { Array(githubAPI.requests.dropFirst(githubStartupCalls)) }

    /// Waits until the bot made at least `count` calls to GitHub after it started.
    public func waitForGitHubCalls(_ count: Int) async throws -> [RecordedRequest] {
        Array(try await githubAPI.waitForRequests(githubStartupCalls + count).dropFirst(githubStartupCalls))
    }

    /// The comment bodies the bot posted on GitHub, in order.
    public var githubComments: [String] {
        githubCalls.filter { $0.method == "POST" && $0.path.hasSuffix("/comments") }.compactMap { $0.json?["body"] as? String }
    }
}
