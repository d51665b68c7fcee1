import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import ReplyModel
import Testing

/// The log of full flows through the real routes: a request's lines carry the id of the inbound
/// request that caused them (policy's decision under the command's id; its approval and run under
/// the click's, naming the command's as their origin), and no secret the bot holds is ever in it.
@Suite("request ids and secrets in the log", .serialized)
struct RequestLogTests {
    static let root = "1700000400.000001"

    @Test("recorded under the command's id; approved, run and finished under the click's, with the command's as origin")
    func requestIDs() async throws {
        let log = CapturedLog()
        let gemini = try await FakeGemini.start()
        let pipelineToken = "ghp_pipeline_secret_0123456789abcdefABCD"
        let h = try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack, .github], identities: ["alice": "slack:W111", "bob": "slack:W222"],
            environment: gemini.environment.merging(["CHATOPS_ALERTMANAGER_TOKEN": IncidentThreadTests.token,
                                                     "CHATOPS_INCIDENT_ROUTES": "* -> slack:C0ALERTS01",
                                                     "CHATOPS_INCIDENT_POST_INTERVAL": "1ms",
                                                     "CHATOPS_PIPELINE_TOKEN": pipelineToken]) { _, new in new },
            fakeIntents: [.deploy, .diagnose], logger: log.logger))

        try await IncidentActionTests.mention(h, "deploy iris-classifier v2.3 to prod", user: "W111", root: Self.root,
                                              ts: "1700000400.000002", eventID: "Ev0LOG1", requestID: "req-deploy-7f3a")
        try await h.eventually("the request held") { try await h.store.request(id: 1)?.state == .awaitingApproval }
        try await IncidentActionTests.click(h, ReplyAction(kind: .approve, requestID: 1), user: "W222", root: Self.root,
                                            trigger: "7.7.approve", requestID: "req-click-91b2")
        try await h.eventually("the deploy run") { try await h.store.request(id: 1)?.state == .succeeded }

        // A forged id (a line break to fake a log entry) is replaced, not echoed or logged.
        try await IncidentActionTests.mention(h, "status iris-classifier in staging", user: "W111", root: Self.root,
                                              ts: "1700000400.000003", eventID: "Ev0LOG2")
        let forged = try await h.postSlack("/slack/events", "{}", contentType: "application/json",
                                           headers: [("X-Request-Id", "x\nlevel=info request approved")])
        let given = forged.headers.first { $0.0.lowercased() == "x-request-id" }?.1 ?? ""
        #expect(given.count == 16 && given.allSatisfy(\.isHexDigit), "a fresh id: \(given)")
        // The rest of a day: the model, an incident, an unsigned GitHub delivery, a wrong Alertmanager token.
        gemini.propose("restart", ["app": "payments", "env": "staging"])
        try await IncidentActionTests.mention(h, "kick the payments thing on staging", user: "W111", root: Self.root,
                                              ts: "1700000400.000004", eventID: "Ev0LOG3")
        try await h.eventually("the model asked") { gemini.calls == 1 }
        #expect(try await IncidentThreadTests.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping)).status == 200)
        #expect(try await IncidentThreadTests.deliver(h, AlertFixtures.bytes(AlertFixtures.highLatency),
                                                      authorization: "Bearer wrong-\(IncidentThreadTests.token)").status == 401)
        #expect(try await h.deliverGitHub(Array("{}".utf8), event: "workflow_run", signature: .some("sha256=00")).status == 401)
        try await h.eventually("the incident's thread") { IncidentThreadTests.posts(h).contains { $0.text.contains("Incident #1") } }
        await h.settle()
        await h.stop()
        await gemini.stop()

        let lines = log.lines
        func line(_ what: String) -> String? { lines.first { $0.contains(" request \(what) ") && $0.contains("request=1 ") } }
        let recorded = try #require(line("recorded"), "\(lines.joined(separator: "\n"))")
        #expect(recorded.contains("request_id=req-deploy-7f3a") && recorded.contains("decision=awaiting_approval"))
        #expect(!recorded.contains("origin_request_id"))
        for what in ["approved", "running", "finished"] {
            let entry = try #require(line(what), "no '\(what)' line")
            #expect(entry.contains("request_id=req-click-91b2") && entry.contains("origin_request_id=req-deploy-7f3a"), "\(entry)")
        }
        #expect(line("finished")?.contains("outcome=succeeded") == true)
        #expect(!lines.contains { $0.contains("request approved") && !$0.contains("request=") }, "no forged entry")
        #expect(lines.contains { $0.contains(" request recorded ") && $0.contains("intent=status") })

        let secrets = [SlackSigning.secret, PlatformHarness.slackBotToken, GitHubSigning.secret, PlatformHarness.githubToken,
                       IncidentThreadTests.token, FakeGemini.apiKey, pipelineToken]
        #expect(lines.count > 10)
        for secret in secrets {
            let leaks = lines.filter { $0.contains(secret) }.map { $0.replacingOccurrences(of: secret, with: "<SECRET>") }
            #expect(leaks.isEmpty, "a secret in the log: \(leaks)")
        }
    }
}
