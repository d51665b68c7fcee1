import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import PlatformHTTP
import ReplyModel
import Synchronization
import Testing

/// GitHub's `workflow_run` webhook → a pipeline-failure thread (or issue) with the triage of the
/// failed run and a Re-run button, through the signed GitHub route, a fake api.github.com
/// answering the recorded Actions exchanges, and the fake Slack.
@Suite("pipeline-failure threads from GitHub workflow_run", .serialized)
struct PipelineFailureTests {
    static let runPath = "/repos/PyGithub/PyGithub/actions/runs/3881497935"
    static let pipelineToken = "ghp_pipeline_token_0123456789abcdef"

    /// iris-classifier's pipeline is the recorded run's repository; its runs build for staging
    /// (no approval needed to re-run them).
    static func start(routes: String = "* -> slack:C0ALERTS01") async throws -> PlatformHarness {
        try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack, .github], identities: ["alice": "slack:W111"],
            editConfiguration: { text in
                text.replacingOccurrences(of: "repo: acme/iris-classifier", with: "repo: PyGithub/PyGithub")
                    .replacingOccurrences(of: "      environment: prod\n", with: "      environment: staging\n")
            },
            environment: ["CHATOPS_INCIDENT_ROUTES": routes, "CHATOPS_INCIDENT_POST_INTERVAL": "1ms",
                          "CHATOPS_PIPELINE_TOKEN": pipelineToken],
            fakeIntents: [.diagnose], githubAPI: github()))
    }

    /// api.github.com: the recorded failed run, its jobs (first job's `Run tests` failed), the job
    /// log through GitHub's redirect to a signed download, the re-run's 201; the rest as usual.
    static func github() -> FakePlatformAPI.Respond {
        let usual = PlatformFakeAnswers.github(users: [:])
        let run = json(exchange("workflow_run.failed.get-and-rerun-failed-jobs.exchanges.json", 0)["response_body"]!)
        let rerun = json(exchange("workflow_run.failed.get-and-rerun-failed-jobs.exchanges.json", 1)["response_body"]!)
        return { request in
            switch (request.method, request.path) {
            case ("GET", runPath): return .json(run)
            case ("GET", runPath + "/jobs"): return .json(failedJobs)
            case ("GET", "/repos/PyGithub/PyGithub/actions/jobs/10545727758/logs"):
                return FakeResponse(status: 302, headers: ["Location": "/actions-results/job-logs.txt?se=2026-12-02T08%3A36%3A00Z&sig=c2ln&sp=r"])
            case ("GET", "/actions-results/job-logs.txt"):
                return FakeResponse(status: 200, headers: ["Content-Type": "text/plain"], body: AlertFixtures.bytes("job-10545727758.log.txt"))
            case ("POST", runPath + "/rerun-failed-jobs"): return .json(rerun, status: 201)
            default: return await usual(request)
            }
        }
    }

    static func exchange(_ file: String, _ index: Int) -> [String: Any] {
        let parsed = try! JSONSerialization.jsonObject(with: Data(AlertFixtures.bytes(file)))
        return ((parsed as? [[String: Any]])?[index] ?? parsed as? [String: Any])!  // files holding several exchanges are arrays
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static let failedJobs = json(ActionsFixtures.failingFirstJob(
        exchange("workflow_run.jobs.list.exchange.json", 0)["response_body"] as! [String: Any]))

    /// The octokit `workflow_run.completed` delivery made into the recorded run: `conclusion` and
    /// `run_attempt` as given, `head` the repository whose code ran, `workflow` its file and name.
    static func delivery(conclusion: String = "failure", attempt: Int = 2, branch: String = "main",
                         head: String = "PyGithub/PyGithub", workflow file: (String, String) = ("ci.yml", "CI")) -> [UInt8] {
        var payload = AlertFixtures.object("workflow_run.completed.payload.json")
        var repository = payload["repository"] as! [String: Any]
        repository["full_name"] = "PyGithub/PyGithub"
        repository["default_branch"] = "main"
        payload["repository"] = repository
        var workflow = payload["workflow"] as! [String: Any]
        (workflow["name"], workflow["path"]) = (file.1, ".github/workflows/\(file.0)")
        payload["workflow"] = workflow
        var run = payload["workflow_run"] as! [String: Any]
        run["id"] = 3881497935
        (run["name"], run["path"]) = (file.1, ".github/workflows/\(file.0)")
        run["head_branch"] = branch
        run["head_sha"] = "9268749d34be56976fbc1fedd1a72aad057ab751"
        run["html_url"] = "https://github.com/PyGithub/PyGithub/actions/runs/3881497935"
        run["conclusion"] = conclusion
        run["run_attempt"] = attempt
        run["event"] = "push"
        var headRepository = run["head_repository"] as! [String: Any]
        headRepository["full_name"] = head
        run["head_repository"] = headRepository
        var commit = run["head_commit"] as! [String: Any]
        commit["message"] = "Create ci.yml\n\nAdds the test workflow."
        run["head_commit"] = commit
        payload["workflow_run"] = run
        return AlertFixtures.encode(payload)
    }

    static func text(_ response: APIResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    static func buttons(_ post: RecordedRequest) -> [String] {
        (post.json?["blocks"] as? [[String: Any]])?.compactMap { $0["elements"] as? [[String: Any]] }.flatMap { $0 }
            .compactMap { $0["value"] as? String } ?? []
    }

    @Test("a failed run opens a thread titled by its triage, with the failed job and step and Re-run; a click and `rerun` re-run it as the person; the passing re-run resolves it")
    func slackThread() async throws {
        let h = try await Self.start()
        let succeeded = try await h.deliverGitHub(AlertFixtures.bytes("workflow_run.completed.payload.json"), event: "workflow_run")
        #expect(succeeded.status == 202)
        #expect(Self.text(succeeded).contains("octo-org/octo-repo is no app's pipeline repository"), "\(Self.text(succeeded))")

        let failed = try await h.deliverGitHub(Self.delivery(), event: "workflow_run", delivery: "d-1")
        #expect(failed.status == 200 && Self.text(failed) == "queued\n")
        #expect(Self.text(try await h.deliverGitHub(Self.delivery(), event: "workflow_run", delivery: "d-1")) == "already queued\n",
                "GitHub's redelivery of the same run")
        try await h.eventually("the thread and its triage") { IncidentThreadTests.posts(h).count == 2 }
        let opening = IncidentThreadTests.posts(h)[0]
        #expect(opening.json?["channel"] as? String == "C0ALERTS01" && opening.threadTS == nil)
        for part in ["Pipeline failure #1: CI failed on main in PyGithub/PyGithub", "CI failed on main (9268749): Create ci.yml",
                     "Failure type", "test", "Failed job", "test (Python 3.7)", "Failed step", "Run tests", "9268749", "high"] {
            #expect(opening.text.contains(part), "\(part) in \(opening.text)")
        }
        #expect(Self.buttons(opening) == ["chatops:rerun:3881497935@iris-classifier"])
        let triage = IncidentThreadTests.posts(h)[1]
        #expect(triage.threadTS == PlatformFakeAnswers.slackTS(1))
        #expect(triage.text.contains("Triage of pipeline failure #1 (run 3881497935)"))
        #expect(triage.text.contains("Run tests"))
        #expect(Self.buttons(triage).contains("chatops:rerun:3881497935@iris-classifier"))
        #expect(!h.githubAPI.requests.contains { $0.path.hasSuffix("/rerun-failed-jobs") }, "nothing re-run before a person asks")

        let root = PlatformFakeAnswers.slackTS(1)
        try await IncidentActionTests.click(h, .rerun(run: 3881497935, app: "iris-classifier"), user: "W111", root: root, trigger: "1.1.rerun")
        try await h.eventually("the re-run") { h.githubAPI.requests.filter { $0.path.hasSuffix("/rerun-failed-jobs") }.count == 1 }
        let request = try #require(try await h.store.request(id: 1))
        #expect(request.intent == .rerun && request.requester == "alice")
        let call = try #require(h.githubAPI.requests.first { $0.path.hasSuffix("/rerun-failed-jobs") })
        #expect(call.method == "POST" && call.path == Self.runPath + "/rerun-failed-jobs")
        #expect(call.header("Authorization")?.hasSuffix(Self.pipelineToken) == true, "the pipeline's own token")
        try await h.eventually("the re-run's answer") {
            IncidentThreadTests.posts(h).contains { $0.text.contains("Re-running the failed jobs of run 3881497935") }
        }

        try await IncidentActionTests.mention(h, "rerun", user: "W111", root: root, ts: "1700000100.000001", eventID: "Ev0RERUN01")
        try await h.eventually("the typed re-run") { h.githubAPI.requests.filter { $0.path.hasSuffix("/rerun-failed-jobs") }.count == 2 }
        #expect(try await h.store.request(id: 2)?.command.slots["run"] == .string("3881497935"))

        let passed = try await h.deliverGitHub(Self.delivery(conclusion: "success", attempt: 3), event: "workflow_run")
        #expect(passed.status == 200)
        try await h.eventually("the resolution") { IncidentThreadTests.posts(h).contains { $0.text.contains("resolved; the incident lasted") } }
        try await h.eventually("the first message resolved") {
            IncidentThreadTests.updates(h).last?.text.contains("Pipeline failure #1 RESOLVED: CI passed on main (attempt 2)") == true
        }
        #expect(Self.buttons(try #require(IncidentThreadTests.updates(h).last)).isEmpty, "no Re-run once it passed")
        await h.settle()
        let incidents = try await h.store.incidents(states: nil, limit: 10)
        await h.stop()
        #expect(incidents.count == 1 && incidents.first?.state == .resolved)
    }

    @Test("routed to GitHub: an issue [PIPELINE FAILURE] <type> - <sha> labelled pipeline-failure, ai-triage and the severity; closed when a re-run passes")
    func githubIssue() async throws {
        let h = try await Self.start(routes: "alertname=PipelineFailure -> github:acme/ml-platform")
        #expect(try await h.deliverGitHub(Self.delivery(), event: "workflow_run").status == 200)
        try await h.eventually("the issue") { h.githubAPI.requests.contains { $0.method == "POST" && $0.path == "/repos/acme/ml-platform/issues" } }
        let issue = try #require(h.githubAPI.requests.first { $0.path == "/repos/acme/ml-platform/issues" }?.json)
        #expect(issue["title"] as? String == "[PIPELINE FAILURE] test - 9268749")
        #expect(issue["labels"] as? [String] == ["pipeline-failure", "ai-triage", "high"])
        #expect((issue["body"] as? String)?.contains("/rerun run 3881497935 for iris-classifier") == true, "\(issue["body"] ?? "")")
        try await h.eventually("the triage comment") {
            h.githubAPI.requests.contains { $0.path == "/repos/acme/ml-platform/issues/4201/comments" }
        }
        #expect(try await h.deliverGitHub(Self.delivery(conclusion: "success", attempt: 3), event: "workflow_run").status == 200)
        try await h.eventually("the close") { h.githubAPI.requests.contains { ($0.json?["state"] as? String) == "closed" } }
        await h.stop()
    }

    @Test("unsigned, a fork's run, another branch, another workflow, a cancelled run: nothing queued, each with its reason")
    func refusals() async throws {
        let h = try await Self.start()
        #expect(try await h.deliverGitHub(Self.delivery(), event: "workflow_run", signature: .some(nil)).status == 401)
        let forged = GitHubSigning.signature(Self.delivery(), secret: "not-the-secret")
        #expect(try await h.deliverGitHub(Self.delivery(), event: "workflow_run", signature: .some(forged)).status == 401)
        let fork = try await h.deliverGitHub(Self.delivery(head: "mallory/PyGithub"), event: "workflow_run")
        #expect(fork.status == 202 && Self.text(fork).contains("a fork"), "\(Self.text(fork))")
        let branch = try await h.deliverGitHub(Self.delivery(branch: "feature/x"), event: "workflow_run")
        #expect(branch.status == 202 && Self.text(branch).contains("branch feature/x is not watched"), "\(Self.text(branch))")
        let lint = try await h.deliverGitHub(Self.delivery(workflow: ("lint.yml", "Lint")), event: "workflow_run")
        #expect(lint.status == 202 && Self.text(lint).contains("workflow lint.yml is not one of iris-classifier's pipeline workflows"))
        let cancelled = try await h.deliverGitHub(Self.delivery(conclusion: "cancelled"), event: "workflow_run")
        #expect(cancelled.status == 202 && Self.text(cancelled).contains("ended cancelled"))
        let malformed = try await h.deliverGitHub(Array(#"{"action":"completed"}"#.utf8), event: "workflow_run")
        #expect(malformed.status == 400 && Self.text(malformed).contains("not a workflow_run payload"))
        await h.settle()
        let depth = try await h.store.alertQueueDepth()
        let incidents = try await h.store.incidents(states: nil, limit: 10)
        await h.stop()
        #expect(depth == 0 && incidents.isEmpty)
        #expect(IncidentThreadTests.posts(h).isEmpty)
    }
}
