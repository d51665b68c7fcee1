import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import PlatformHTTP
import RequestStore
import Testing

/// Alertmanager → `POST /alertmanager` → an incident thread, through the real route with the
/// bearer token Alertmanager's `http_config.authorization` sends, and the fake Slack and GitHub.
@Suite("incident threads from Alertmanager", .serialized)
struct IncidentThreadTests {
    static let token = "am-webhook-token-5d41402abc4b2a76"

    static func start(routes: String = "* -> slack:C0ALERTS01", extra: [String: String] = [:],
                      store: SQLiteApprovalStoreBox? = nil) async throws -> PlatformHarness {
        try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack, .github],
            environment: ["CHATOPS_ALERTMANAGER_TOKEN": token, "CHATOPS_INCIDENT_ROUTES": routes,
                          "CHATOPS_INCIDENT_POST_INTERVAL": "1ms"].merging(extra) { _, new in new },
            store: store?.store, fakeIntents: [.diagnose]))
    }

    static func deliver(_ h: PlatformHarness, _ body: [UInt8], authorization: String? = "Bearer \(token)") async throws -> APIResponse {
        var headers = [("Content-Type", "application/json"), ("User-Agent", "Alertmanager/0.25.0")]
        if let authorization { headers.append(("Authorization", authorization)) }
        return try await h.post("/alertmanager", body: body, headers: headers)
    }

    static func posts(_ h: PlatformHarness) -> [RecordedRequest] { h.slackAPI.requests.filter { $0.path == "/chat.postMessage" } }
    static func updates(_ h: PlatformHarness) -> [RecordedRequest] { h.slackAPI.requests.filter { $0.path == "/chat.update" } }

    @Test("firing → a thread and its evidence; the same and the HA copy → nothing; partial → edit and reply; resolved → resolution")
    func lifecycle() async throws {
        let h = try await Self.start()
        let first = try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping))
        #expect(first.status == 200)
        #expect(String(decoding: first.body, as: UTF8.self) == "queued\n")
        try await h.eventually("the thread and its evidence") { Self.posts(h).count == 2 }
        let opening = try #require(Self.posts(h).first)
        #expect(opening.json?["channel"] as? String == "C0ALERTS01")
        #expect(opening.json?["thread_ts"] == nil, "a new thread")
        #expect(opening.text.contains("Incident #1 FIRING: PodCrashLooping (warning) — 3 of 3 alerts firing"), "\(opening.text)")
        #expect(opening.text.contains("k3d-on-premises"))
        let evidence = Self.posts(h)[1]
        #expect(evidence.threadTS == PlatformFakeAnswers.slackTS(1))
        #expect(evidence.text.contains("No evidence gathered: no app of the configuration runs where these alerts point (namespace ml-apps)"))

        #expect(String(decoding: try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping)).body, as: UTF8.self)
                == "already queued\n")
        #expect(String(decoding: try await Self.deliver(h, AlertFixtures.haCopy(AlertFixtures.crashLooping)).body, as: UTF8.self)
                == "already queued\n", "the other Alertmanager of the pair")

        #expect(try await Self.deliver(h, AlertFixtures.partiallyResolved()).status == 200)
        try await h.eventually("the partial resolve") { Self.posts(h).count == 3 }
        let partial = Self.posts(h)[2]
        #expect(partial.threadTS == PlatformFakeAnswers.slackTS(1))
        #expect(partial.text.contains("Resolved: PodCrashLooping on pod ml-apps/iris-classifier-7d9f8b-x2k4p"))
        #expect(Self.updates(h).last?.text.contains("2 of 3 alerts firing") == true, "the first message shows the state")
        #expect(Self.updates(h).last?.json?["ts"] as? String == PlatformFakeAnswers.slackTS(1))

        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.remainingResolved)).status == 200)
        try await h.eventually("the resolution") { Self.posts(h).count == 4 }
        let resolution = Self.posts(h)[3]
        #expect(resolution.text.contains("All 3 alerts resolved; the incident lasted"), "\(resolution.text)")
        #expect(Self.updates(h).last?.text.contains("Incident #1 RESOLVED: PodCrashLooping") == true)
        await h.settle()
        let incidents = try await h.store.incidents(states: nil, limit: 10)
        await h.stop()
        #expect(Self.posts(h).count == 4, "one thread, never a second")
        #expect(incidents.count == 1 && incidents.first?.state == .resolved)
        #expect(incidents.first?.thread?.thread == PlatformFakeAnswers.slackTS(1))
    }

    @Test("no token, a wrong token, a wrong scheme: 401 before the body is read; a malformed body: 400 with the reason")
    func authentication() async throws {
        let h = try await Self.start()
        let body = AlertFixtures.bytes(AlertFixtures.highLatency)
        #expect(try await Self.deliver(h, body, authorization: nil).status == 401)
        #expect(try await Self.deliver(h, body, authorization: "Bearer am-webhook-token-5d41402abc4b2a7").status == 401)
        #expect(try await Self.deliver(h, body, authorization: "Basic " + Data("x:\(Self.token)".utf8).base64EncodedString()).status == 401)
        #expect(try await Self.deliver(h, Array("not json".utf8), authorization: nil).status == 401, "unauthenticated garbage is not parsed")
        let malformed = try await Self.deliver(h, Array(#"{"version":"4","status":"firing","alerts":[]}"#.utf8))
        #expect(malformed.status == 400)
        #expect(String(decoding: malformed.body, as: UTF8.self).contains("groupKey is missing"))
        await h.settle()
        let queued = try await h.store.alertQueueDepth()
        let incidents = try await h.store.incidents(states: nil, limit: 10)
        await h.stop()
        #expect(queued == 0 && incidents.isEmpty)
        #expect(Self.posts(h).isEmpty)
    }

    @Test("basic auth as http_config.basic_auth sends it is accepted when configured")
    func basicAuth() async throws {
        let h = try await Self.start(extra: ["CHATOPS_ALERTMANAGER_USERNAME": "alertmanager", "CHATOPS_ALERTMANAGER_PASSWORD": "s3cret-pass"])
        let basic = "Basic " + Data("alertmanager:s3cret-pass".utf8).base64EncodedString()
        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.highLatency), authorization: basic).status == 200)
        let wrong = "Basic " + Data("alertmanager:s3cret-pas".utf8).base64EncodedString()
        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping), authorization: wrong).status == 401)
        try await h.eventually("the thread") { Self.posts(h).count >= 1 }
        await h.stop()
    }

    @Test("routed to GitHub: an issue with the labels and severity; resolved: a comment and the issue closed")
    func github() async throws {
        let h = try await Self.start(routes: "alertname=ModelHighLatency -> github:acme/ml-platform")
        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.highLatency)).status == 200)
        try await h.eventually("the issue") { h.githubAPI.requests.contains { $0.method == "POST" && $0.path == "/repos/acme/ml-platform/issues" } }
        let issue = try #require(h.githubAPI.requests.first { $0.path == "/repos/acme/ml-platform/issues" }?.json)
        let severity = (AlertFixtures.object(AlertFixtures.highLatency)["commonLabels"] as? [String: String])?["severity"]
        #expect(issue["labels"] as? [String] == ["production-alert", "ai-analysis"] + (severity.map { [$0] } ?? []))
        #expect((issue["title"] as? String)?.hasPrefix("[ALERT] ModelHighLatency") == true)
        #expect((issue["body"] as? String)?.contains("FIRING: ModelHighLatency") == true)
        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.highLatencyResolved)).status == 200)
        try await h.eventually("the close") { h.githubAPI.requests.contains { ($0.json?["state"] as? String) == "closed" } }
        let calls = h.githubAPI.requests.map { "\($0.method) \($0.path)" }
        await h.stop()
        let number = "4201"
        #expect(calls.contains("POST /repos/acme/ml-platform/issues/\(number)/comments"), "\(calls)")
        #expect(calls.last == "PATCH /repos/acme/ml-platform/issues/\(number)", "closed last: \(calls)")
    }

    @Test("routed to Discord: the first message in the channel, a thread started on it named by the incident, the replies in that thread")
    func discord() async throws {
        let channel = "645027906669510667"
        let h = try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.discord],
            environment: ["CHATOPS_ALERTMANAGER_TOKEN": Self.token, "CHATOPS_INCIDENT_ROUTES": "* -> discord:\(channel)",
                          "CHATOPS_INCIDENT_POST_INTERVAL": "1ms"],
            fakeIntents: [.diagnose]))
        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping)).status == 200)
        let first = PlatformFakeAnswers.discordMessageID(1), thread = PlatformFakeAnswers.discordMessageID(2)
        try await h.eventually("the evidence in the thread") {
            h.discordAPI.requests.contains { $0.method == "POST" && $0.path == "/channels/\(thread)/messages" }
        }
        let calls = h.discordAPI.requests.filter { $0.path.hasPrefix("/channels/") }.map { "\($0.method) \($0.path)" }
        #expect(Array(calls.prefix(3)) == ["POST /channels/\(channel)/messages", "POST /channels/\(channel)/messages/\(first)/threads",
                                           "POST /channels/\(thread)/messages"], "\(calls)")
        let started = try #require(h.discordAPI.requests.first { $0.path.hasSuffix("/threads") })
        #expect((started.json?["name"] as? String)?.hasPrefix("[ALERT] PodCrashLooping") == true)
        #expect(started.header("Authorization") == "Bot \(PlatformHarness.discordBotToken)")

        #expect(try await Self.deliver(h, AlertFixtures.bytes(AlertFixtures.remainingResolved)).status == 200)
        try await h.eventually("the first message edited") {
            h.discordAPI.requests.contains { $0.method == "PATCH" && $0.path == "/channels/\(channel)/messages/\(first)" }
        }
        try await h.eventually("the resolution in the thread") {
            h.discordAPI.requests.filter { $0.method == "POST" && $0.path == "/channels/\(thread)/messages" }.count == 2
        }
        await h.stop()
    }

    @Test("notifications queued before a restart are applied and posted by the next process, once")
    func restart() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("chatops.db").path
        do {
            let store = try SQLiteApprovalStore(path: path)
            let notification = AlertFixtures.notification(AlertFixtures.bytes(AlertFixtures.crashLooping))
            #expect(try await store.enqueueAlertNotification(groupKey: notification.groupKey, dedupeKey: notification.dedupeKey,
                                                             body: AlertFixtures.bytes(AlertFixtures.crashLooping), at: Date()))
        }
        let h = try await Self.start(store: SQLiteApprovalStoreBox(store: try SQLiteApprovalStore(path: path)))
        try await h.eventually("the queued notification's thread") { Self.posts(h).count == 2 }
        await h.settle()
        let depth = try await h.store.alertQueueDepth()
        await h.stop()
        #expect(depth == 0)
        #expect(Self.posts(h).first?.text.contains("Incident #1 FIRING: PodCrashLooping") == true)
    }
}

extension RecordedRequest {
    /// Every string in the JSON body (Slack's `text` and its blocks), one per line.
    var text: String {
        func strings(_ value: Any) -> [String] {
            if let string = value as? String { return [string] }
            if let array = value as? [Any] { return array.flatMap(strings) }
            if let object = value as? [String: Any] { return object.keys.sorted().flatMap { strings(object[$0]!) } }
            return []
        }
        return json.map { strings($0).joined(separator: "\n") } ?? ""
    }

    var threadTS: String? { json?["thread_ts"] as? String }
}

/// A store handed to the harness (the harness's options take one).
struct SQLiteApprovalStoreBox {
    let store: SQLiteApprovalStore
}
