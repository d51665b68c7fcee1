import CIPipelineBackend
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import ReplyModel
import Testing

@Suite("pipeline against a fake GitHub")
struct PipelineExecutorTests {
    func pipeline(_ fake: FakePlatformAPI, app: String = "iris-classifier",
                  configuration: ChatOpsConfiguration? = nil) async throws -> ExecutionResult {
        let configuration = try configuration ?? TestConfig.configuration()
        let executor = PipelineExecutor(client: FakeGitHub.client(fake), catalog: configuration.catalog, configFile: "chatops.yaml")
        return await executor.execute(TestConfig.input(.pipeline, ["app": app]), progress: NoProgress())
    }

    @Test("each configured workflow's latest runs: one GET per workflow, with GitHub's headers and the token")
    func configuredWorkflows() async throws {
        let fake = try await FakePlatformAPI.start { request in
            .json(request.path.contains("/train.yml/") ? GitHubFixtures.runsListLatestFailed : GitHubFixtures.runsList)
        }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake)
        #expect(result.isSuccess)
        #expect(fake.requests.map { "\($0.method) \($0.path)?\($0.query)" } == [
            "GET /repos/acme/iris-classifier/actions/workflows/ci.yml/runs?per_page=3",
            "GET /repos/acme/iris-classifier/actions/workflows/train.yml/runs?per_page=3",
        ])
        for request in fake.requests {
            #expect(request.header("Authorization") == "Bearer \(FakeGitHub.token)")
            #expect(request.header("Accept") == "application/vnd.github+json")
            #expect(request.header("X-GitHub-Api-Version") == "2022-11-28")
        }
        #expect(result.reply.severity == .failure)
        #expect(result.reply.blocks.first == .text("CI for iris-classifier (acme/iris-classifier): the latest run failed for "
            + "train.yml #110 (failure). Say `triage run 108934155` for the failed jobs and their logs."))
        guard case .table(let headers, let rows) = result.reply.blocks[1] else { Issue.record("no table"); return }
        #expect(headers == ["Workflow", "Run", "Branch", "Event", "Result", "Commit", "Started"])
        #expect(rows.count == 5)
        #expect(rows[0] == ["ci.yml", "#112", "master", "push", "success", "61b6109", "2020-05-20 02:37 UTC"])
        #expect(rows[3] == ["train.yml", "#110", "create-from-template", "pull_request", "failure", "30e7100", "2020-05-19 05:51 UTC"])
        #expect(result.reply.blocks.last == .link(title: "Newest run: ci.yml #112", url: "https://github.com/PyGithub/PyGithub/actions/runs/109950033"))
        #expect(!result.text.contains(FakeGitHub.token))
    }

    @Test("every workflow passing is a success")
    func allPassing() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(GitHubFixtures.runsList) }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake)
        #expect(result.reply.severity == .success)
        #expect(result.text.hasPrefix("CI for iris-classifier (acme/iris-classifier): the latest run of every workflow passed."))
    }

    @Test("no workflows configured: every workflow's runs from GET …/actions/runs, grouped by workflow")
    func allWorkflows() async throws {
        let configuration = try TestConfig.configuration([("      workflows: [ci.yml, train.yml]\n", "")])
        let fake = try await FakePlatformAPI.start { _ in .json(GitHubFixtures.runsList) }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake, configuration: configuration)
        #expect(result.isSuccess)
        #expect(fake.requests.map { "\($0.path)?\($0.query)" } == ["/repos/acme/iris-classifier/actions/runs?per_page=15"])
        guard case .table(_, let rows) = result.reply.blocks[1] else { Issue.record("no table"); return }
        // The 2020 recording predates the runs' `name`: the workflow id names the group.
        #expect(rows.map { $0[0] } == ["workflow 1026390", "workflow 1026390", "workflow 1026390"])
    }

    @Test("an app without a pipeline: block is told which key to add, and nothing is called")
    func noPipelineConfigured() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(GitHubFixtures.runsList) }
        defer { Task { await fake.stop() } }
        let result = try await pipeline(fake, app: "payments-api")
        #expect(!result.isSuccess)
        #expect(result.text == "payments-api has no CI pipeline configured: add a `pipeline:` block (`repo: OWNER/NAME`, "
                + "`workflows: [ci.yml]`) to payments-api under `apps:` in chatops.yaml")
        #expect(fake.requests.isEmpty)
    }

    @Test("a workflow file name is one path segment, whatever it holds")
    func workflowNameEncoded() async throws {
        let configuration = try TestConfig.configuration([("workflows: [ci.yml, train.yml]", "workflows: ['../../x y.yml']")])
        let fake = try await FakePlatformAPI.start { _ in .json(GitHubFixtures.runsList) }
        defer { Task { await fake.stop() } }
        _ = try await pipeline(fake, configuration: configuration)
        #expect(fake.requests.map(\.path) == ["/repos/acme/iris-classifier/actions/workflows/..%2F..%2Fx%20y.yml/runs"])
    }

    @Test("a pipeline repo that is not OWNER/NAME is reported before any call (the loader checks it too)")
    func invalidRepository() async throws {
        let catalog = Catalog(environments: [], apps: [AppConfig(name: "iris", pipeline: PipelineConfig(repository: "acme/iris/../x"))])
        let fake = try await FakePlatformAPI.start { _ in .json(GitHubFixtures.runsList) }
        defer { Task { await fake.stop() } }
        let executor = PipelineExecutor(client: FakeGitHub.client(fake), catalog: catalog, configFile: "chatops.yaml")
        let result = await executor.execute(TestConfig.input(.pipeline, ["app": "iris"]), progress: NoProgress())
        #expect(result.text == "the `pipeline.repo` of iris is 'acme/iris/../x', not OWNER/NAME; fix it in chatops.yaml")
        #expect(fake.requests.isEmpty)
    }
}
