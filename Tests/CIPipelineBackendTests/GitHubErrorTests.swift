import CIPipelineBackend
import ChatOpsTestSupport
import Execution
import Testing

/// GitHub's error bodies as its REST API sends them (`{"message", "documentation_url"}`).
enum GitHubErrors {
    static let doc = #""documentation_url":"https://docs.github.com/rest""#
    static let badCredentials = #"{"message":"Bad credentials",\#(doc),"status":"401"}"#
    static let notAccessible = #"{"message":"Resource not accessible by personal access token",\#(doc),"status":"403"}"#
    static let rateLimit = #"{"message":"API rate limit exceeded for user ID 1.",\#(doc),"status":"403"}"#
    static let emptyRepository = #"{"message":"Git Repository is empty.",\#(doc),"status":"409"}"#
    static let serverError = #"{"message":"Server Error"}"#
    static let secondaryLimit = #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",\#(doc)}"#
}

@Suite("GitHub error answers for pipeline reads")
struct GitHubReadErrorTests {
    func pipeline(_ fake: FakePlatformAPI, timeout: Duration = .seconds(15)) async throws -> ExecutionResult {
        let configuration = try TestConfig.configuration()
        let executor = PipelineExecutor(client: FakeGitHub.client(fake, timeout: timeout), catalog: configuration.catalog,
                                        configFile: "chatops.yaml")
        return await executor.execute(TestConfig.input(.pipeline, ["app": "iris-classifier"]), progress: NoProgress())
    }

    @Test("each status says what failed and what to do", arguments: [
        (401, [:], GitHubErrors.badCredentials,
         "GitHub answered 401 for workflow ci.yml in acme/iris-classifier: the token is missing, invalid or expired "
            + "(CHATOPS_PIPELINE_TOKEN, or the GitHub token it is set to share) — Bad credentials"),
        (403, [:], GitHubErrors.notAccessible,
         "GitHub answered 403 for workflow ci.yml in acme/iris-classifier: the token lacks Actions read permission on "
            + "acme/iris-classifier (fine-grained token: Actions read; classic token: repo scope) — Resource not accessible by personal access token"),
        (403, ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "1715026915"], GitHubErrors.rateLimit,
         "GitHub answered 403 for workflow ci.yml in acme/iris-classifier: the API rate limit for this token is used up; "
            + "wait until it resets (x-ratelimit-reset) and ask again — API rate limit exceeded for user ID 1."),
        (403, [:], GitHubErrors.secondaryLimit,
         "GitHub answered 403 for workflow ci.yml in acme/iris-classifier: the API rate limit for this token is used up"),
        (404, [:], FakeGitHub.notFound.bodyText,
         "GitHub answered 404 for workflow ci.yml in acme/iris-classifier: there is no such workflow, or the token cannot "
            + "see acme/iris-classifier (check apps[].pipeline in the configuration and the token's repository access) — Not Found"),
        (409, [:], GitHubErrors.emptyRepository,
         "GitHub answered 409 for workflow ci.yml in acme/iris-classifier: GitHub reported a conflict"),
        (500, [:], GitHubErrors.serverError,
         "GitHub answered 500 for workflow ci.yml in acme/iris-classifier: GitHub failed; try again shortly — Server Error"),
        (429, ["Retry-After": "60"], GitHubErrors.secondaryLimit,
         "GitHub is rate limiting the bot (429) for workflow ci.yml in acme/iris-classifier (retry after 60s): wait a few minutes and ask again"),
        (200, [:], "{not json",
         "GitHub's answer for workflow ci.yml in acme/iris-classifier could not be read: WorkflowRunList expected, got {not json"),
    ] as [(Int, [String: String], String, String)])
    func statuses(code: Int, headers: [String: String], body: String, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(body, status: code, headers: headers) }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake)
        #expect(!result.isSuccess)
        #expect(result.reply.severity == .failure)
        #expect(result.text.hasPrefix(expected))
        #expect(!result.text.contains(FakeGitHub.token))
        #expect(fake.requests.count == 1)  // not retried, and the second workflow is not asked
    }

    @Test("a gateway error is retried, then reported after three tries")
    func gatewayErrorsRetried() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(#"{"message":"Bad Gateway"}"#, status: 502) }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake)
        #expect(result.text.hasPrefix("GitHub answered 502 for workflow ci.yml in acme/iris-classifier: GitHub failed; try again shortly"))
        #expect(fake.requests.count == 3)
    }

    @Test("no answer within the timeout is a failure naming what was asked")
    func timeout() async throws {
        let fake = try await FakeGitHub.tooSlow()
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake, timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("GitHub did not answer for workflow ci.yml in acme/iris-classifier: GitHub could not be reached at "))
        #expect(result.text.hasSuffix("check CHATOPS_GITHUB_API_URL and the network"))
    }

    @Test("an unreachable GitHub is a failure naming what was asked")
    func unreachable() async throws {
        // Port 9 (discard): nothing listens there. A stopped fake's port could be taken by another test's server.
        let configuration = try TestConfig.configuration()
        let client = GitHubActionsClient(baseURL: "http://127.0.0.1:9/", token: FakeGitHub.token, http: TestHTTP.pool, timeout: .seconds(1))
        let result = await PipelineExecutor(client: client, catalog: configuration.catalog, configFile: "chatops.yaml")
            .execute(TestConfig.input(.pipeline, ["app": "iris-classifier"]), progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("GitHub did not answer for workflow ci.yml in acme/iris-classifier: GitHub could not be reached at "))
    }
}

extension FakeResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
