import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import ReplyModel
import Testing

/// `GET /metrics` after a full flow through the real routes: a deploy held for approval and
/// approved, a status whose backend is not configured, a message the model reads (tokens counted)
/// and one it cannot (the model gone), and an Alertmanager incident. Every series the bot
/// exports is there with its labels. The registry is the process's, shared with the tests
/// running beside this one: counters are checked to have grown at least this much.
@Suite("metrics after a full flow", .serialized)
struct MetricsScrapeTests {
    /// The value of the series `name` whose labels include `labels`, summed over the matching lines.
    static func value(_ text: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        let lines = text.split(separator: "\n").filter { line in
            guard !line.hasPrefix("#") else { return false }
            let series = line.prefix { $0 != " " }
            guard series == name || series.hasPrefix(name + "{") else { return false }
            return labels.allSatisfy { series.contains("\($0.key)=\"\($0.value)\"") }
        }
        guard !lines.isEmpty else { return nil }
        return lines.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }

    static func mention(_ h: PlatformHarness, _ text: String, user: String = "W111", n: Int) async throws {
        try await IncidentActionTests.mention(h, text, user: user, root: "1700000300.000001", ts: "1700000300.\(String(format: "%06d", n + 1))",
                                              eventID: "Ev0METRICS\(n)")
    }

    @Test("each series with its labels: commands, approval wait, webhooks, executors, the model, incidents, queue, audit")
    func scrape() async throws {
        let gemini = try await FakeGemini.start()
        let h = try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack], identities: ["alice": "slack:W111", "bob": "slack:W222"],
            environment: gemini.environment.merging(["CHATOPS_ALERTMANAGER_TOKEN": IncidentThreadTests.token,
                                                     "CHATOPS_INCIDENT_ROUTES": "* -> slack:C0ALERTS01",
                                                     "CHATOPS_INCIDENT_POST_INTERVAL": "1ms"]) { _, new in new },
            fakeIntents: [.deploy, .diagnose]))
        let before = try await h.get("/metrics").text

        try await Self.mention(h, "deploy iris-classifier v2.3 to prod", n: 1)
        try await h.eventually("the request held for approval") { try await h.store.request(id: 1)?.state == .awaitingApproval }
        try await IncidentActionTests.click(h, ReplyAction(kind: .approve, requestID: 1), user: "W222", root: "1700000300.000001",
                                            trigger: "9.9.approve")
        try await h.eventually("the deploy run") { try await h.store.request(id: 1)?.state == .succeeded }
        try await Self.mention(h, "status iris-classifier in staging", n: 2)
        try await h.eventually("the status answered") { try await h.store.request(id: 2)?.state == .failed }
        gemini.propose("restart", ["app": "payments", "env": "staging"])
        try await Self.mention(h, "kick the payments thing on staging", n: 3)
        try await h.eventually("the model asked") { gemini.calls == 1 }
        await gemini.stop()
        try await Self.mention(h, "give the payments thing a kick on dev", n: 4)
        #expect(try await IncidentThreadTests.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping)).status == 200)
        try await h.eventually("the incident's thread") {
            IncidentThreadTests.posts(h).contains { $0.text.contains("Incident #1 FIRING") }
        }
        await h.settle()
        try await h.eventually("the model's failure counted") {
            let text = try await h.get("/metrics").text
            return (Self.value(text, "chatops_llm_errors_total", ["task": "intent", "kind": "unavailable"]) ?? 0)
                > (Self.value(before, "chatops_llm_errors_total", ["task": "intent", "kind": "unavailable"]) ?? 0)
        }
        let scrape = try await h.get("/metrics")
        await h.stop()
        #expect(scrape.status == 200)
        let text = scrape.text
        func grew(_ name: String, _ labels: [String: String] = [:], by least: Double = 1) -> Bool {
            (Self.value(text, name, labels) ?? 0) - (Self.value(before, name, labels) ?? 0) >= least
        }
        #expect(grew("chatops_commands_total", ["intent": "deploy", "source": "rule", "outcome": "awaiting_approval"]), "\(text)")
        #expect(grew("chatops_commands_total", ["intent": "approve", "source": "rule", "outcome": "succeeded"]))
        #expect(grew("chatops_commands_total", ["intent": "deploy", "source": "rule", "outcome": "approved"]))
        #expect(grew("chatops_commands_total", ["intent": "deploy", "source": "rule", "outcome": "succeeded"]))
        #expect(grew("chatops_commands_total", ["intent": "status", "source": "rule", "outcome": "failed"]))
        #expect(grew("chatops_approval_wait_seconds_count", ["intent": "deploy"]))
        #expect(Self.value(text, "chatops_approval_wait_seconds_bucket", ["intent": "deploy", "le": "+Inf"]) != nil)
        #expect(grew("chatops_webhook_duration_seconds_count", ["platform": "slack"], by: 5))
        #expect(grew("chatops_webhook_duration_seconds_count", ["platform": "alertmanager"]))
        #expect(grew("chatops_executor_calls_total", ["backend": "argocd", "intent": "status"]))
        #expect(grew("chatops_executor_errors_total", ["backend": "argocd", "intent": "status"]))
        #expect(grew("chatops_llm_calls_total", ["task": "intent"], by: 2))
        #expect(grew("chatops_llm_tokens_total", ["task": "intent", "direction": "input"], by: 640))
        #expect(grew("chatops_llm_tokens_total", ["task": "intent", "direction": "output"], by: 38))
        #expect(grew("chatops_llm_errors_total", ["task": "intent", "kind": "unavailable"]))
        #expect(Self.value(text, "chatops_incidents_open") != nil)
        #expect(Self.value(text, "chatops_alert_queue_depth") != nil)
        #expect(grew("chatops_audit_entries_total", by: 3))
        #expect(Self.value(text, "chatops_audit_head_sequence") != nil, "a gauge the tests beside this one also set")
        let head = try #require(text.split(separator: "\n").first { $0.hasPrefix("chatops_audit_head{hash=\"") })
        #expect(head.wholeMatch(of: /chatops_audit_head\{hash="[0-9a-f]{64}"\} [0-9]+(\.0)?/) != nil, "\(head)")
        #expect(text.contains("# TYPE chatops_commands_total counter"))
        #expect(text.contains("# TYPE chatops_approval_wait_seconds histogram"))
        for secret in [IncidentThreadTests.token, FakeGemini.apiKey, PlatformHarness.slackBotToken] {
            #expect(!text.contains(secret), "no secret in the metrics")
        }
    }
}
