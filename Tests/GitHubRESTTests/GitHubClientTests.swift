import ChatOpsTestSupport
import GitHubREST
import PlatformHTTP
import Testing

@Suite("the GitHub client: the token for the call's repository, GitHub's headers, its error table")
struct GitHubClientTests {
    static let call = GitHubClient.Call("for workflow ci.yml in acme/iris", repository: "acme/iris",
                                        hints: [403: "the token lacks Actions read permission on acme/iris"])

    func client(_ fake: FakePlatformAPI) -> GitHubClient {
        GitHubClient(baseURL: fake.baseURL + "/", tokens: PersonalToken("ghp_x", origin: "test"), http: TestHTTP.pool,
                     hints: [401: "the token is missing, invalid or expired (CHATOPS_TEST_TOKEN)"])
    }

    @Test("a read sends GitHub's headers with the token; the use's and the call's hints word the statuses")
    func hints() async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.path == "/denied" ? .json(#"{"message":"Resource not accessible by integration"}"#, status: 403)
                : .json(#"{"message":"Bad credentials"}"#, status: 401)
        }
        defer { Task { await fake.stop() } }
        let github = client(fake)
        let denied = await #expect(throws: BackendHTTPError.self) { _ = try await github.read(.init(.GET, github.url("/denied")), Self.call) }
        #expect(denied.map { "\($0)" } == "GitHub answered 403 for workflow ci.yml in acme/iris: the token lacks Actions read permission "
                + "on acme/iris — Resource not accessible by integration")
        let unauthorized = await #expect(throws: BackendHTTPError.self) { _ = try await github.read(.init(.GET, github.url("/x")), Self.call) }
        #expect(unauthorized?.hint == "the token is missing, invalid or expired (CHATOPS_TEST_TOKEN)")
        let sent = try #require(fake.requests.first)
        #expect(sent.header("Authorization") == "Bearer ghp_x")
        #expect(sent.header("Accept") == "application/vnd.github+json")
        #expect(sent.header("X-GitHub-Api-Version") == GitHubREST.apiVersion)
    }

    @Test("a 403 that is GitHub's rate limit says so instead of blaming the permission")
    func rateLimit403() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            .json(#"{"message":"API rate limit exceeded for user ID 1."}"#, status: 403, headers: ["x-ratelimit-remaining": "0"])
        }
        defer { Task { await fake.stop() } }
        let github = client(fake)
        let limited = await #expect(throws: BackendHTTPError.self) { _ = try await github.read(.init(.GET, github.url("/x")), Self.call) }
        #expect(limited?.hint == GitHubREST.rateLimitUsedUp)
    }

    @Test("a call off the API words its own refusals, and sends no token when told")
    func fallback() async throws {
        let fake = try await FakePlatformAPI.start { _ in FakeResponse(status: 403, body: Array("AuthenticationFailed".utf8)) }
        defer { Task { await fake.stop() } }
        let github = client(fake)
        let download = GitHubClient.Call("for the log download of job 1 in acme/iris", repository: nil, fallback: "the log storage refused it")
        let refused = await #expect(throws: BackendHTTPError.self) {
            _ = try await github.read(.init(.GET, fake.baseURL + "/blob?sig=x"), download, authenticated: false)
        }
        #expect(refused.map { "\($0)" } == "GitHub answered 403 for the log download of job 1 in acme/iris: the log storage refused it "
                + "— AuthenticationFailed")
        #expect(fake.requests.first?.header("Authorization") == nil)
    }
}
