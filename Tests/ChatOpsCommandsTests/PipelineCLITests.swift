import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops say against a configured (fake) GitHub Actions", .serialized)
struct PipelineCLITests {
    @Test("pipeline status for iris prints the latest runs of its workflows read from (fake) GitHub")
    func pipelineStatus() async throws {
        let recorded = try Data(contentsOf: RepositoryPaths.root.appendingPathComponent(
            "Tests/CIPipelineBackendTests/Fixtures/workflow_runs.list.exchange.json"))
        let exchange = try #require(try JSONSerialization.jsonObject(with: recorded) as? [String: Any])
        let runs = String(decoding: try JSONSerialization.data(withJSONObject: exchange["response_body"]!), as: UTF8.self)
        let github = try await FakePlatformAPI.start { _ in .json(runs) }
        defer { Task { await github.stop() } }
        let cli = try FreshStoreCLI()
        let result = try await cli.runBesideFakes(["say", "--as", "alice", "--store", cli.store, "pipeline status for iris"],
                                                  env: ["CHATOPS_GITHUB_API_URL": github.baseURL, "CHATOPS_PIPELINE_TOKEN": "ghp_cli_token"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            CI for iris-classifier (acme/iris-classifier): the latest run of every workflow passed.
            Workflow   Run   Branch                       Event         Result   Commit   Started
            ci.yml     #112  master                       push          success  61b6109  2020-05-20 02:37 UTC
            ci.yml     #111  remove-duplicated-str-check  pull_request  success  b1dd24b  2020-05-19 10:39 UTC
            ci.yml     #110  create-from-template         pull_request  failure  30e7100  2020-05-19 05:51 UTC
            train.yml  #112  master                       push          success  61b6109  2020-05-20 02:37 UTC
            train.yml  #111  remove-duplicated-str-check  pull_request  success  b1dd24b  2020-05-19 10:39 UTC
            train.yml  #110  create-from-template         pull_request  failure  30e7100  2020-05-19 05:51 UTC
            Newest run: ci.yml #112: https://github.com/PyGithub/PyGithub/actions/runs/109950033

            """)
        #expect(!result.stdout.contains("ghp_cli_token"))
        #expect(github.requests.map { "\($0.path)?\($0.query)" } == [
            "/repos/acme/iris-classifier/actions/workflows/ci.yml/runs?per_page=3",
            "/repos/acme/iris-classifier/actions/workflows/train.yml/runs?per_page=3",
        ])
        #expect(github.requests.allSatisfy { $0.header("Authorization") == "Bearer ghp_cli_token" })
    }
}
