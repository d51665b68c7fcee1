import CIPipelineBackend
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import ReplyModel
import Testing

@Suite("triage: nothing to triage, unreadable logs, refused calls")
struct TriageEdgeCaseTests {
    func triage(_ fake: FakePlatformAPI, run: String? = nil, timeout: Duration = .seconds(15)) async throws -> ExecutionResult {
        let configuration = try TestConfig.configuration()
        let executor = TriageExecutor(client: FakeGitHub.client(fake, timeout: timeout), catalog: configuration.catalog,
                                      defaults: configuration.defaults, configFile: "chatops.yaml")
        return await executor.execute(TestConfig.input(.triage, run.map { ["run": $0] } ?? [:]), progress: NoProgress())
    }

    @Test("no failed run anywhere is said plainly, and is not a failure of the command")
    func noFailedRuns() async throws {
        let github = try await FakePlatformAPI.start { _ in .json(#"{"total_count":0,"workflow_runs":[]}"#) }
        defer { Task { await github.stop() } }
        let result = try await triage(github)
        #expect(result.isSuccess)
        #expect(result.text == "No failed runs in acme/iris-classifier: nothing to triage")
    }

    @Test("a run that passed has nothing to triage: its jobs are not read")
    func passedRun() async throws {
        let passed = GitHubFixtures.failedRun.replacingOccurrences(of: #""conclusion":"failure""#, with: #""conclusion":"success""#)
        let github = try await FakePlatformAPI.start { _ in .json(passed) }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        #expect(result.isSuccess)
        #expect(result.reply.severity == .success)
        #expect(result.text.hasPrefix("Run CI #1 (3881497935) on main at `9268749` (push) in acme/iris-classifier finished with success: no failed jobs to triage."))
        #expect(github.requests.count == 1)
    }

    @Test("an expired log (410) leaves the triage standing, with the reason where the log would be")
    func expiredLog() async throws {
        let github = try await FakePlatformAPI.start { request in
            request.path.hasSuffix("/logs") ? .json(#"{"message":"Gone"}"#, status: 410) : await FakeGitHub.standard(logStorage: nil)(request)
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        #expect(result.isSuccess)
        #expect(result.reply.blocks.contains(.text("Log of test (Python 3.7): GitHub answered 410 for the log of job 10545727758 in "
            + "acme/iris-classifier: it is gone (logs and runs expire after the repository's retention period) — Gone")))
    }

    @Test("a log storage that refuses the signed link is named as such, not as a token problem")
    func storageRefuses() async throws {
        let storage = try await FakePlatformAPI.start { _ in FakeResponse(status: 403, body: Array("AuthenticationFailed".utf8)) }
        defer { Task { await storage.stop() } }
        let github = try await FakePlatformAPI.start(FakeGitHub.standard(logStorage: storage.baseURL))
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        #expect(result.isSuccess)
        #expect(result.text.contains("GitHub answered 403 for the log download of job 10545727758 in acme/iris-classifier: the log "
                                     + "storage refused the download link GitHub gave (it expires after a minute); ask again"))
    }

    @Test("a run id that is not a number is refused before any call")
    func invalidRunID() async throws {
        let github = try await FakePlatformAPI.start { _ in FakeGitHub.notFound }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "../../orgs")
        #expect(!result.isSuccess)
        #expect(result.text == "'../../orgs' is not a run id: give the number from the run's URL (…/actions/runs/NUMBER)")
        #expect(github.requests.isEmpty)
    }

    @Test("a refused jobs call fails the triage with the reason", arguments: [
        (403, GitHubErrors.notAccessible, "GitHub answered 403 for run 3881497935 in acme/iris-classifier: the token lacks Actions read"),
        (401, GitHubErrors.badCredentials, "GitHub answered 401 for run 3881497935 in acme/iris-classifier: the token is missing"),
        (500, GitHubErrors.serverError, "GitHub answered 500 for run 3881497935 in acme/iris-classifier: GitHub failed; try again shortly"),
        (200, "[]", "GitHub's answer for run 3881497935 in acme/iris-classifier could not be read: WorkflowJobList expected"),
    ])
    func jobsRefused(code: Int, body: String, expected: String) async throws {
        let github = try await FakePlatformAPI.start { request in
            request.path.hasSuffix("/jobs") ? .json(body, status: code) : await FakeGitHub.standard(logStorage: nil)(request)
        }
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935")
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix(expected))
        #expect(!result.text.contains(FakeGitHub.token))
    }

    @Test("a run lookup that times out is a failure, not a 'not found'")
    func timeout() async throws {
        let github = try await FakeGitHub.tooSlow()
        defer { Task { await github.stop() } }
        let result = try await triage(github, run: "3881497935", timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("GitHub did not answer for run 3881497935 in acme/iris-classifier: GitHub could not be reached at "))
    }
}
