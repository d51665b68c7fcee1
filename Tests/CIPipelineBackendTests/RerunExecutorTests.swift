import CIPipelineBackend
import ChatOpsTestSupport
import Execution
import Foundation
import Testing

/// `rerun run RUN for APP` against a fake GitHub answering the recorded run (failed, attempt 2)
/// and the recorded `POST …/rerun-failed-jobs` (201).
@Suite("re-running a failed run's failed jobs against a fake GitHub")
struct RerunExecutorTests {
    static let runPath = "/repos/acme/iris-classifier/actions/runs/3881497935"

    /// The recorded run with `change` applied; the recorded re-run answer, or `rerunStatus`.
    static func fake(change: @escaping @Sendable ([String: Any]) -> [String: Any] = { $0 }, rerunStatus: Int = 201) async throws -> FakePlatformAPI {
        let exchanges = "workflow_run.failed.get-and-rerun-failed-jobs.exchanges.json"
        let run = GitHubFixtures.json(change(GitHubFixtures.responseBody(exchanges, 0) as! [String: Any]))
        let rerun = GitHubFixtures.json(GitHubFixtures.responseBody(exchanges, 1))
        return try await FakePlatformAPI.start { request in
            switch (request.method, request.path) {
            case ("GET", runPath): return .json(run)
            case ("POST", runPath + "/rerun-failed-jobs"):
                return rerunStatus == 201 ? .json(rerun, status: 201)
                    : .json(#"{"message":"Resource not accessible by personal access token","status":"403"}"#, status: rerunStatus)
            default: return FakeGitHub.notFound
            }
        }
    }

    func rerun(_ fake: FakePlatformAPI, run: String = "3881497935", dryRun: Bool = false) async throws -> ExecutionResult {
        let configuration = try TestConfig.configuration()
        let executor = RerunExecutor(client: FakeGitHub.client(fake), catalog: configuration.catalog, configFile: "chatops.yaml")
        return await executor.execute(TestConfig.input(.rerun, ["run": run, "app": "iris-classifier"], dryRun: dryRun), progress: NoProgress())
    }

    static func posts(_ fake: FakePlatformAPI) -> [RecordedRequest] { fake.requests.filter { $0.method == "POST" } }

    @Test("a failed run: its failed jobs re-run once, in the app's pipeline repository, with the token; the next attempt named")
    func reruns() async throws {
        let fake = try await Self.fake()
        defer { Task { await fake.stop() } }
        let result = try await rerun(fake)
        #expect(result.isSuccess)
        #expect(result.text.contains("Re-running the failed jobs of run 3881497935 (CI #1 on main, 9268749) in acme/iris-classifier: attempt 3."),
                "\(result.text)")
        #expect(Self.posts(fake).map(\.path) == [Self.runPath + "/rerun-failed-jobs"])
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == "Bearer \(FakeGitHub.token)" })
    }

    @Test("a dry run reads the run and sends nothing")
    func dryRun() async throws {
        let fake = try await Self.fake()
        defer { Task { await fake.stop() } }
        let result = try await rerun(fake, dryRun: true)
        #expect(result.text.contains("Dry run: would re-run the failed jobs of run 3881497935"))
        #expect(Self.posts(fake).isEmpty)
    }

    @Test("still running, or passed: nothing is sent, and the reply says why")
    func notFailed() async throws {
        let running = try await Self.fake(change: { run in run.merging(["status": "in_progress", "conclusion": NSNull()]) { _, new in new } })
        defer { Task { await running.stop() } }
        let waiting = try await rerun(running)
        #expect(!waiting.isSuccess && waiting.text.contains("is still in_progress: re-run it once it has finished"), "\(waiting.text)")
        let passed = try await Self.fake(change: { run in run.merging(["conclusion": "success"]) { _, new in new } })
        defer { Task { await passed.stop() } }
        let nothing = try await rerun(passed)
        #expect(nothing.isSuccess && nothing.text.contains("Nothing to re-run"), "\(nothing.text)")
        #expect(Self.posts(running).isEmpty && Self.posts(passed).isEmpty)
    }

    @Test("a run of another repository (404 in the app's own), a bad id, a 403 on the re-run: refused with what to do")
    func refusals() async throws {
        let fake = try await Self.fake()
        defer { Task { await fake.stop() } }
        let elsewhere = try await rerun(fake, run: "1234567")
        #expect(!elsewhere.isSuccess && elsewhere.text.contains("There is no run 1234567 in acme/iris-classifier"), "\(elsewhere.text)")
        let bad = try await rerun(fake, run: "12a")
        #expect(!bad.isSuccess && bad.text.contains("Say which run"))
        #expect(Self.posts(fake).isEmpty)
        let forbidden = try await Self.fake(rerunStatus: 403)
        defer { Task { await forbidden.stop() } }
        let refused = try await rerun(forbidden)
        #expect(!refused.isSuccess && refused.text.contains("Actions write permission"), "\(refused.text)")
        #expect(Self.posts(forbidden).count == 1, "a mutation is sent once")
    }
}
