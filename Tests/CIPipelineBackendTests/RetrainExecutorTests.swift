import Approvals
import ChatOpsCore
import CIPipelineBackend
import ChatOpsConfig
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import ReplyModel
import RequestStore
import Testing

@Suite("retrain against a fake GitHub")
struct RetrainExecutorTests {
    func executor(_ fake: FakePlatformAPI, configuration: ChatOpsConfiguration? = nil,
                  timeout: Duration = .seconds(15)) throws -> RetrainExecutor {
        let configuration = try configuration ?? TestConfig.configuration()
        return RetrainExecutor(client: FakeGitHub.client(fake, timeout: timeout), catalog: configuration.catalog, configFile: "chatops.yaml")
    }

    func retrain(_ fake: FakePlatformAPI, model: String = "iris-classifier", timeout: Duration = .seconds(15)) async throws -> ExecutionResult {
        try await executor(fake, timeout: timeout).execute(TestConfig.input(.retrain, ["model": model]), progress: NoProgress())
    }

    static let dispatchBody = #"{"inputs":{"experiment":"iris-classification","model":"iris-classifier"},"ref":"main"}"#

    @Test("dispatches the training workflow once with the configured ref and inputs, as GitHub records it (204)")
    func dispatches() async throws {
        let recorded = GitHubFixtures.dispatch204
        let answer = FakeResponse(status: recorded["status"] as! Int, headers: GitHubFixtures.responseHeaders(recorded))
        let fake = try await FakePlatformAPI.start { _ in answer }
        defer { Task { await fake.stop() } }
        let result = try await retrain(fake)
        #expect(result.isSuccess)
        let call = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        // The recorded request: POST …/actions/workflows/{id}/dispatches with a JSON {ref, inputs} body.
        #expect(call.method == recorded["method"] as? String)
        #expect(call.path == "/repos/acme/iris-classifier/actions/workflows/train.yml/dispatches")
        #expect((recorded["path"] as! String).hasSuffix("/dispatches"))
        #expect(call.bodyText == Self.dispatchBody)
        #expect(call.json?["ref"] as? String == "main")
        #expect(call.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(call.header("Authorization") == "Bearer \(FakeGitHub.token)")
        #expect(call.header("Accept") == "application/vnd.github+json")
        #expect(call.header("X-GitHub-Api-Version") == "2022-11-28")
        #expect(result.reply == Reply(.success, [
            .text("Started training for iris-classifier: workflow train.yml in acme/iris-classifier on main "
                  + "with experiment=iris-classification, model=iris-classifier."),
            .link(title: "Runs of train.yml", url: "\(fake.baseURL)/acme/iris-classifier/actions/workflows/train.yml"),
        ]))
    }

    @Test("with run details (200), the reply links the new run")
    func runDetails() async throws {
        let body = GitHubFixtures.json(GitHubFixtures.dispatch200["response_body"]!)
        let fake = try await FakePlatformAPI.start { _ in .json(body) }
        defer { Task { await fake.stop() } }
        let result = try await retrain(fake)
        #expect(result.reply.blocks.last == .link(title: "Run 123456789", url: "https://github.com/wrecker/PyGithub/actions/runs/123456789"))
    }

    @Test("the plan is the exact call: method, full URL and body")
    func plan() async throws {
        let fake = try await FakePlatformAPI.start { _ in FakeResponse(status: 204) }
        defer { Task { await fake.stop() } }
        let plan = try executor(fake).plan(TestConfig.input(.retrain, ["model": "iris"], dryRun: true))
        #expect(plan == ["POST \(fake.baseURL)/repos/acme/iris-classifier/actions/workflows/train.yml/dispatches \(Self.dispatchBody)"])
        #expect(fake.requests.isEmpty)
    }

    @Test("422 from GitHub (a required input missing) says which input and what to check; sent once")
    func missingInput() async throws {
        let recorded = GitHubFixtures.dispatch422
        let answer = FakeResponse.json(GitHubFixtures.json(recorded["response_body"]!), status: recorded["status"] as! Int,
                                       headers: GitHubFixtures.responseHeaders(recorded))
        let fake = try await FakePlatformAPI.start { _ in answer }
        defer { Task { await fake.stop() } }
        let result = try await retrain(fake)
        #expect(!result.isSuccess)
        #expect(result.text == "GitHub answered 422 for workflow train.yml in acme/iris-classifier: GitHub could not process the "
                + "request: the workflow may have no workflow_dispatch trigger, a required input may be missing "
                + "(apps[].pipeline.inputs), or the ref may not exist (apps[].pipeline.ref) — Required input 'mandatory-parameter' not provided")
        #expect(fake.requests.count == 1)
    }

    @Test("a refused or failed dispatch is reported and never sent twice", arguments: [
        (403, GitHubErrors.notAccessible, "GitHub answered 403 for workflow train.yml in acme/iris-classifier: the token lacks "
            + "Actions write permission on acme/iris-classifier (fine-grained token: Actions read and write; classic token: repo scope)"),
        (401, GitHubErrors.badCredentials, "GitHub answered 401 for workflow train.yml in acme/iris-classifier: the token is missing"),
        (404, FakeGitHub.notFound.bodyText, "GitHub answered 404 for workflow train.yml in acme/iris-classifier: there is no such workflow"),
        (409, GitHubErrors.emptyRepository, "GitHub answered 409 for workflow train.yml in acme/iris-classifier: GitHub reported a conflict"),
        (502, #"{"message":"Bad Gateway"}"#, "GitHub answered 502 for workflow train.yml in acme/iris-classifier: GitHub failed; try again shortly"),
        (429, GitHubErrors.secondaryLimit, "GitHub is rate limiting the bot (429) for workflow train.yml in acme/iris-classifier"),
    ])
    func refused(code: Int, body: String, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(body, status: code) }
        defer { Task { await fake.stop() } }
        let result = try await retrain(fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix(expected))
        #expect(!result.text.contains(FakeGitHub.token))
        #expect(fake.requests.count == 1)
    }

    @Test("no answer in time: reported, and the dispatch is not sent again")
    func timeout() async throws {
        let fake = try await FakeGitHub.tooSlow()
        defer { Task { await fake.stop() } }
        let result = try await retrain(fake, timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("GitHub did not answer for workflow train.yml in acme/iris-classifier: GitHub could not be reached at "))
        #expect(fake.requests.count == 1)
    }

    @Test("a model whose app has no training workflow is told which key to set; nothing is sent")
    func noTrainingWorkflow() async throws {
        let configuration = try TestConfig.configuration([("      training_workflow: train.yml\n", "")])
        let fake = try await FakePlatformAPI.start { _ in FakeResponse(status: 204) }
        defer { Task { await fake.stop() } }
        let result = try await executor(fake, configuration: configuration)
            .execute(TestConfig.input(.retrain, ["model": "iris-classifier"]), progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text == "iris-classifier's pipeline has no training workflow: set `training_workflow:` (with `ref:` and "
                + "`inputs:`) in its `pipeline:` block in chatops.yaml")
        #expect(fake.requests.isEmpty)
    }
}
