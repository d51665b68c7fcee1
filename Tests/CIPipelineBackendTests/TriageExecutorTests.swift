import CIPipelineBackend
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import ReplyModel
import Testing

@Suite("triage against a fake GitHub and a fake log storage")
struct TriageExecutorTests {
    func triage(_ fake: FakePlatformAPI, run: String? = nil, configuration: ChatOpsConfiguration? = nil,
                channel: String? = nil) async throws -> ExecutionResult {
        let configuration = try configuration ?? TestConfig.configuration()
        let executor = TriageExecutor(client: FakeGitHub.client(fake), catalog: configuration.catalog,
                                      defaults: configuration.defaults, configFile: "chatops.yaml")
        return await executor.execute(TestConfig.input(.triage, run.map { ["run": $0] } ?? [:], channel: channel), progress: NoProgress())
    }

    @Test("a named run: the run, its latest jobs, the failed job's log through the redirect; classified as a test failure")
    func namedRun() async throws {
        let fakes = try await FakeActions.start()
        defer { Task { await fakes.stop() } }
        let (github, storage) = (fakes.github, fakes.storage)
        let result = try await triage(github, run: "3881497935")
        #expect(result.isSuccess)
        #expect(github.requests.map { "\($0.method) \($0.path)?\($0.query)" } == [
            "GET /repos/acme/iris-classifier/actions/runs/3881497935?",
            "GET /repos/acme/iris-classifier/actions/runs/3881497935/jobs?filter=latest&per_page=100",
            "GET /repos/acme/iris-classifier/actions/jobs/10545727758/logs?",
        ])
        #expect(github.requests.allSatisfy { $0.header("Authorization") == "Bearer \(FakeGitHub.token)" })
        #expect(storage.requests.count == 1)
        let reply = result.reply
        #expect(reply.severity == .failure)
        #expect(reply.blocks[0] == .text("Run CI #1 (3881497935) on main at `9268749` (push) in acme/iris-classifier: failure. "
                                         + "Failure kind: test (log line “E       AssertionError: 5 != 4”: assertionerror)."))
        #expect(reply.blocks[1] == .table(headers: ["Failed job", "Failed steps", "Result"],
                                          rows: [["test (Python 3.7)", "5. Run tests", "failure"]]))
        #expect(reply.blocks[2] == .text("Log of test (Python 3.7), 60 lines around its first error:"))
        guard case .code(let log) = reply.blocks[3] else { Issue.record("no log block"); return }
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 60)
        #expect(lines.contains("##[error]Process completed with exit code 1."))
        #expect(lines.contains("FAILED tests/WorkflowRun.py::WorkflowRun::testJobs - AssertionError: 5 != 4"))
        #expect(!log.contains("2023-01-10T"))  // timestamps stripped
        #expect(reply.blocks.dropLast().last == .link(title: "Run #1", url: "https://github.com/PyGithub/PyGithub/actions/runs/3881497935"))
        #expect(reply.blocks.last == .buttons([ReplyButton(label: "Re-run failed jobs", action: .rerun(run: 3881497935, app: "iris-classifier"),
                                                           style: .primary)]), "the run is in iris-classifier's pipeline repository")
        #expect(result.facts["failure_type"] == "test" && result.facts["failed_job"] == "test (Python 3.7)")
        #expect(result.facts["failed_step"] == "Run tests" && result.facts["run_attempt"] == "2")
    }

    @Test("a failed run offers Re-run failed jobs; a failed training run also offers to re-run the training as retrain MODEL")
    func trainingFailureOffersRetrain() async throws {
        let trainingLog = GitHubFixtures.jobLog.replacingOccurrences(of: "AssertionError: 5 != 4",
                                                                     with: "mlflow.exceptions.MlflowException: accuracy 0.81 is below the threshold 0.90")
        let fakes = try await FakeActions.start(log: trainingLog)
        defer { Task { await fakes.stop() } }
        let result = try await triage(fakes.github, run: "3881497935")
        #expect(result.text.contains("Failure kind: train"), "\(result.text)")
        #expect(result.reply.buttons.map(\.action) == [.rerun(run: 3881497935, app: "iris-classifier"), .retrain("iris-classifier")])
        #expect(result.reply.buttons.last?.label == "Re-run training (retrain iris-classifier)")

        let tests = try await FakeActions.start()
        defer { Task { await tests.stop() } }
        #expect(try await triage(tests.github, run: "3881497935").reply.buttons.map(\.action) == [.rerun(run: 3881497935, app: "iris-classifier")])
    }

    @Test("the log redirect is followed without the GitHub token: the log storage sees no Authorization")
    func redirectDropsToken() async throws {
        let fakes = try await FakeActions.start()
        defer { Task { await fakes.stop() } }
        let (github, storage) = (fakes.github, fakes.storage)
        _ = try await triage(github, run: "3881497935")
        let download = try #require(storage.requests.first)
        #expect(download.method == "GET")
        #expect(download.path + "?" + download.query == FakeGitHub.signedLogPath)
        #expect(download.header("Authorization") == nil)
        // Followed by hand, not by the HTTP client (which would have kept GitHub's other headers).
        #expect(download.header("X-GitHub-Api-Version") == nil)
        #expect(!download.headers.values.contains { $0.contains(FakeGitHub.token) })
        // The 302 itself went to GitHub with the token, once (the client did not follow it on its own).
        #expect(github.requests.filter { $0.path.hasSuffix("/logs") }.count == 1)
    }

    @Test("no run named: the newest failed run (status=failure, one per repository) is triaged")
    func latestFailedRun() async throws {
        let fakes = try await FakeActions.start()
        defer { Task { await fakes.stop() } }
        let (github, storage) = (fakes.github, fakes.storage)
        let result = try await triage(github)
        #expect(result.isSuccess)
        #expect(github.requests.map { "\($0.path)?\($0.query)" }.prefix(2) == [
            "/repos/acme/iris-classifier/actions/runs?status=failure&per_page=1",
            "/repos/acme/iris-classifier/actions/runs/3881497935/jobs?filter=latest&per_page=100",
        ])
        #expect(result.text.hasPrefix("Run CI #1 (3881497935) on main"))
        #expect(storage.requests.count == 1)
    }

    @Test("several pipeline repositories: the default app's first; the newest failure of them all wins")
    func newestAcrossRepositories() async throws {
        let configuration = try TestConfig.configuration([TestConfig.paymentsPipeline])
        let github = try await FakePlatformAPI.start { request in
            switch request.path {
            case "/repos/acme/iris-classifier/actions/runs": return .json(GitHubFixtures.failedRunsList(createdAt: "2024-07-30T20:58:42Z"))
            case "/repos/acme/payments-api/actions/runs": return .json(GitHubFixtures.failedRunsList(createdAt: "2024-08-02T09:00:00Z"))
            default: return .json(#"{"total_count":0,"jobs":[]}"#)
            }
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, configuration: configuration)
        #expect(github.requests.map(\.path) == ["/repos/acme/iris-classifier/actions/runs", "/repos/acme/payments-api/actions/runs",
                                               "/repos/acme/payments-api/actions/runs/3881497935/jobs"])
        #expect(result.text.contains("in acme/payments-api"))
    }

    @Test("a run id unknown in the default app's repository (404) is looked for in the next one")
    func notFoundTriesNext() async throws {
        let configuration = try TestConfig.configuration([TestConfig.paymentsPipeline])
        let github = try await FakePlatformAPI.start { request in
            request.path.hasPrefix("/repos/acme/iris-classifier/") ? FakeGitHub.notFound : await FakeGitHub.standard(logStorage: nil)(request)
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935", configuration: configuration, channel: nil)
        #expect(github.requests.map(\.path).prefix(2) == ["/repos/acme/iris-classifier/actions/runs/3881497935",
                                                           "/repos/acme/payments-api/actions/runs/3881497935"])
        #expect(result.isSuccess)
        #expect(result.text.contains("in acme/payments-api"))
    }

    @Test("a channel's default app puts its repository first")
    func channelDefaultFirst() async throws {
        let configuration = try TestConfig.configuration([TestConfig.paymentsPipeline,
                                                          ("  channels: {}", "  channels: {C0PAY: {app: payments-api}}")])
        let github = try await FakePlatformAPI.start { _ in FakeGitHub.notFound }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "42424242", configuration: configuration, channel: "C0PAY")
        #expect(github.requests.map(\.path) == ["/repos/acme/payments-api/actions/runs/42424242",
                                               "/repos/acme/iris-classifier/actions/runs/42424242"])
        #expect(!result.isSuccess)
        #expect(result.text == "Run 42424242 is in none of the configured pipeline repositories (acme/payments-api, acme/iris-classifier), "
                + "or the token cannot see it; check the run's URL and apps[].pipeline.repo in the configuration")
    }

    @Test("a redirect to GitHub's own host is not followed with the token either (automatic following is off)")
    func sameOriginRedirect() async throws {
        let github = try await FakePlatformAPI.start { request in
            switch request.path {
            case "/blob/log.txt": return FakeResponse(status: 200, body: Array(GitHubFixtures.jobLog.utf8))
            case let path where path.hasSuffix("/logs"):
                return FakeResponse(status: 302, headers: ["Location": "/blob/log.txt?sig=abc"])
            default: return await FakeGitHub.standard(logStorage: nil)(request)
            }
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        let download = try #require(github.requests.first { $0.path == "/blob/log.txt" })
        #expect(download.header("Authorization") == nil)
        #expect(download.query == "sig=abc")
        #expect(result.text.contains("##[error]Process completed with exit code 1."))
    }

    @Test("only the first four failed jobs' logs are read; the others say so")
    func logsLimited() async throws {
        let allFailed = GitHubFixtures.failedJobs.replacingOccurrences(of: #""conclusion":"success""#, with: #""conclusion":"failure""#)
        let fakes = try await FakeActions.start()
        defer { Task { await fakes.stop() } }
        let github = try await FakePlatformAPI.start { request in
            request.path.hasSuffix("/jobs") ? .json(allFailed) : await FakeGitHub.standard(logStorage: fakes.storage.baseURL)(request)
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        #expect(result.isSuccess)
        #expect(github.requests.filter { $0.path.hasSuffix("/logs") }.count == 4)
        #expect(result.reply.blocks.contains(.text("Log of test (Python 3.11-dev): not read (only the first 4 failed jobs' logs are); "
                                                   + "see the run's page")))
    }
}
