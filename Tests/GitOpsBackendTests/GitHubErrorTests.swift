import ChatOpsTestSupport
import Execution
import Foundation
import GitOpsBackend
import Testing

@Suite("GitHub's error answers to a GitOps change", .serialized)
struct GitHubErrorTests {
    typealias H = DeliveryHarness

    @Test("each error answer fails the deploy with what failed and what to do, and nothing is synced", arguments: [
        (401, #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#,
         "GitHub answered 401 to read \(H.stagingFile) at main in acme/ml-platform-gitops: the token is missing, invalid or expired (CHATOPS_GITOPS_TOKEN, or the GitHub token it is set to share) — Bad credentials"),
        (403, #"{"message":"Resource not accessible by personal access token","status":"403"}"#,
         "GitHub answered 403 to read \(H.stagingFile) at main in acme/ml-platform-gitops: the token lacks Contents read on acme/ml-platform-gitops"),
        (404, #"{"message":"Not Found","status":"404"}"#,
         "acme/ml-platform-gitops or the file or branch does not exist, or the token cannot see it (check the app's gitops settings)"),
        (422, #"{"message":"Invalid request.\n\n\"sha\" wasn't supplied.","status":"422"}"#, "GitHub rejected the change"),
        (500, "<html>Server Error</html>", "GitHub answered 500 to read \(H.stagingFile) at main in acme/ml-platform-gitops: GitHub failed; try again shortly"),
        (429, #"{"message":"API rate limit exceeded"}"#, "GitHub is rate limiting the bot (429) to read \(H.stagingFile) at main in "
         + "acme/ml-platform-gitops (retry after 60s): nothing was changed; wait a few minutes and ask again"),
        (200, "{not json", "GitHub's answer to read \(H.stagingFile) at main in acme/ml-platform-gitops could not be read: "
         + "Contents expected, got {not json"),
    ])
    func errorAnswers(code: Int, body: String, expected: String) async throws {
        let h = try await H.start(githubAnswer: { _, _ in .json(body, status: code, headers: code == 429 ? ["Retry-After": "60"] : [:]) })
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(result.text.contains(expected), "\(result.text)")
        #expect(!result.text.contains("gh-token"))
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("a 403 that is GitHub's rate limit says so, instead of blaming the token's permission")
    func rateLimitedForbidden() async throws {
        let h = try await H.start(githubAnswer: { _, _ in
            .json(#"{"message":"API rate limit exceeded for installation ID 2311213."}"#, status: 403, headers: ["x-ratelimit-remaining": "0"])
        })
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]))
        await h.stop()
        #expect(result.text == "GitHub answered 403 to read \(H.stagingFile) at main in acme/ml-platform-gitops: the API rate limit for "
                + "this token is used up; wait until it resets (x-ratelimit-reset) and ask again — API rate limit exceeded for installation ID 2311213.")
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("a GitHub that does not answer in time fails the deploy naming the call")
    func timeout() async throws {
        let github = try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: .seconds(5))
            return .json("{}")
        }
        let h = try await H.start()
        let writer = GitOpsWriter(github: GitHubRepoClient(baseURL: github.baseURL, tokens: H.token, http: TestHTTP.pool,
                                                           timeout: .seconds(1)))
        let delivery = Delivery(writer: writer, argocd: ArgoCDClientFactory.client(h.argocd), waiter: ArgoCDClientFactory.waiter(h.argocd),
                                catalog: h.catalog)
        let result = await DeployExecutor(delivery: delivery).execute(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]),
                                                                      progress: ProgressLog())
        await h.stop()
        await github.stop()
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("GitHub did not answer to read \(H.stagingFile) at main in acme/ml-platform-gitops: "
                                      + "GitHub could not be reached"), "\(result.text)")
        #expect(result.text.hasSuffix("check CHATOPS_GITHUB_API_URL and the network"))
        #expect(h.argocd.requests.isEmpty)
    }
}
