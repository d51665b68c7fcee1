import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import PlatformHTTP
import ReplyModel
import RequestStore
import Synchronization
import Testing

/// An incident about a catalog app: its evidence, its buttons and the words typed in its thread
/// act on that app and environment through the usual policy and approvals; a change chatops made
/// shortly before is named, offered for rollback first, and told of the incident in its own thread.
@Suite("acting from an incident thread", .serialized)
struct IncidentActionTests {
    /// The crash-looping pods moved to iris-classifier's prod namespace.
    static let prodCrash = AlertFixtures.moved(AlertFixtures.crashLooping, namespace: "ml-prod")

    static func start(store: SQLiteApprovalStore? = nil, clock: TestClock? = nil) async throws -> PlatformHarness {
        try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack], identities: ["alice": "slack:W111", "bob": "slack:W222"],
            environment: ["CHATOPS_ALERTMANAGER_TOKEN": IncidentThreadTests.token, "CHATOPS_INCIDENT_ROUTES": "* -> slack:C0ALERTS01",
                          "CHATOPS_INCIDENT_POST_INTERVAL": "1ms"],
            store: store, fakeIntents: [.diagnose, .restart, .rollback, .scale], clock: clock))
    }

    static func click(_ h: PlatformHarness, _ action: ReplyAction, user: String, root: String, trigger: String,
                      requestID: String? = nil) async throws {
        var payload = AlertFixtures.object("block_actions.button.payload.json")
        var actions = payload["actions"] as! [[String: Any]]
        actions[0]["action_id"] = action.identifier
        actions[0]["value"] = action.identifier
        payload["actions"] = actions
        payload["container"] = ["type": "message", "message_ts": root, "thread_ts": root, "channel_id": "C0ALERTS01", "is_ephemeral": false]
        payload["channel"] = ["id": "C0ALERTS01", "name": "alerts"]
        var who = payload["user"] as! [String: Any]
        who["id"] = user
        payload["user"] = who
        payload["trigger_id"] = trigger
        let body = QueryString.encode([("payload", String(decoding: AlertFixtures.encode(payload), as: UTF8.self))])
        #expect(try await h.postSlack("/slack/interactions", body, headers: requestID.map { [("X-Request-Id", $0)] } ?? []).status == 200)
    }

    static func mention(_ h: PlatformHarness, _ text: String, user: String, root: String, ts: String, eventID: String,
                        requestID: String? = nil) async throws {
        var envelope = AlertFixtures.object("app_mention.event.json")
        var event = envelope["event"] as! [String: Any]
        event["text"] = "<@U0CHATOPS> \(text)"
        event["user"] = user
        event["channel"] = "C0ALERTS01"
        event["ts"] = ts
        event["event_ts"] = ts
        event["thread_ts"] = root
        envelope["event"] = event
        envelope["event_id"] = eventID
        envelope["authorizations"] = [["team_id": "T111", "user_id": "U0CHATOPS", "is_bot": true]]
        let body = String(decoding: AlertFixtures.encode(envelope), as: UTF8.self)
        let response = try await h.postSlack("/slack/events", body, contentType: "application/json",
                                             headers: requestID.map { [("X-Request-Id", $0)] } ?? [])
        #expect(response.status == 200)
        if let requestID { #expect(response.headers.first { $0.0.lowercased() == "x-request-id" }?.1 == requestID) }
    }

    @Test("the thread names the app, shows its evidence and offers Restart, Roll back, Freeze; a click and typed words ask as the person")
    func actions() async throws {
        let h = try await Self.start()
        #expect(try await IncidentThreadTests.deliver(h, Self.prodCrash).status == 200)
        try await h.eventually("the thread and its evidence") { IncidentThreadTests.posts(h).count == 2 }
        let opening = IncidentThreadTests.posts(h)[0]
        #expect(opening.text.contains("Acting on iris-classifier in prod"), "\(opening.text)")
        let buttons = (opening.json?["blocks"] as? [[String: Any]])?.compactMap { $0["elements"] as? [[String: Any]] }.flatMap { $0 }
            .compactMap { $0["value"] as? String } ?? []
        #expect(buttons == ["chatops:restart:iris-classifier@prod", "chatops:rollback:iris-classifier@prod", "chatops:freeze:prod",
                            "chatops:silence:1@1h", "chatops:silence:1@4h"])
        let evidence = IncidentThreadTests.posts(h)[1]
        #expect(evidence.text.contains("Evidence for incident #1 (iris-classifier in prod):"))
        #expect(h.executor.executed.map(\.intent) == [.diagnose])
        #expect(h.executor.executed.first?.command.slots["symptom"] == .string("Pod iris-classifier-7d9f8b-m8q2z is crash looping"))

        let root = PlatformFakeAnswers.slackTS(1)
        try await Self.click(h, .restart("iris-classifier", in: "prod"), user: "W111", root: root, trigger: "1.1.restart")
        try await h.eventually("the restart request") { try await h.store.request(id: 1) != nil }
        let restart = try #require(try await h.store.request(id: 1))
        #expect(restart.intent == .restart && restart.requester == "alice" && restart.state == .awaitingApproval)
        #expect(restart.slots["app"] == .string("iris-classifier") && restart.slots["env"] == .string("prod"))
        #expect(restart.origin.thread == root, "asked in the incident's thread")

        try await Self.mention(h, "roll back", user: "W222", root: root, ts: "1700000100.000001", eventID: "EvROLL1")
        try await h.eventually("the rollback request") { try await h.store.request(id: 2) != nil }
        let rollback = try #require(try await h.store.request(id: 2))
        #expect(rollback.intent == .rollback && rollback.requester == "bob")
        #expect(rollback.slots["app"] == .string("iris-classifier") && rollback.slots["env"] == .string("prod"))
        #expect(rollback.state == .awaitingApproval, "prod still needs its approval")

        try await Self.mention(h, "scale to 5", user: "W111", root: root, ts: "1700000100.000002", eventID: "EvSCALE1")
        try await h.eventually("the scale request") { try await h.store.request(id: 3) != nil }
        let scale = try #require(try await h.store.request(id: 3))
        #expect(scale.slots["replicas"] == .integer(5) && scale.slots["env"] == .string("prod"))
        await h.settle()
        await h.stop()
        #expect(h.executor.executed.map(\.intent) == [.diagnose], "nothing ran without its approval")
    }

    @Test("a deploy chatops made 20 minutes before is named, rolled back first, and its thread hears of the incident")
    func deploysMeetIncidents() async throws {
        let clock = TestClock(Date())
        let store = try SQLiteApprovalStore.inMemory()
        let deployThread = MessageOrigin(platform: "slack", channel: "C0DEPLOYS1", thread: "1699999000.000100", messageID: "1699999000.000100")
        let command = ParsedCommand(intent: .deploy, slots: ["app": .string("iris-classifier"), "version": .string("v2.3"), "env": .string("prod")],
                                    source: .rule, ruleID: nil)
        let asked = clock.now.addingTimeInterval(-1_500)
        let request = try await store.createRequest(NewRequest(command: command, requester: "alice", origin: deployThread,
                                                               text: "deploy iris v2.3 to prod", isDryRun: false, env: "prod"),
                                                    admission: .awaitingApproval(approvers: "prod-approvers", quorum: 1,
                                                                                 expiresAt: asked.addingTimeInterval(3_600)), at: asked)
        _ = try await store.approve(id: request.id, approver: "bob", origin: deployThread, at: asked.addingTimeInterval(60))
        _ = try await store.claimForExecution(id: request.id, owner: ExecutionOwner(host: "h", pid: 1), leaseUntil: clock.now,
                                              at: asked.addingTimeInterval(61))
        try await store.recordExecutionNote(requestID: request.id, key: ChangeNote.previousVersion, value: "v2.1", at: asked.addingTimeInterval(70))
        try await store.recordExecutionNote(requestID: request.id, key: ChangeNote.version, value: "v2.3", at: asked.addingTimeInterval(70))
        _ = try await store.finish(id: request.id, succeeded: true, result: "running", at: clock.now.addingTimeInterval(-1_200))

        let h = try await Self.start(store: store, clock: clock)
        #expect(try await IncidentThreadTests.deliver(h, Self.prodCrash).status == 200)
        try await h.eventually("the thread, the deploy thread's note and the evidence") { IncidentThreadTests.posts(h).count == 3 }
        let opening = IncidentThreadTests.posts(h)[0]
        #expect(opening.text.contains("Changed through chatops shortly before: #1 deploy v2.1 → v2.3"), "\(opening.text)")
        #expect(opening.text.contains("asked by alice, approved by bob"))
        let buttons = (opening.json?["blocks"] as? [[String: Any]])?.compactMap { $0["elements"] as? [[String: Any]] }.flatMap { $0 }
            .compactMap { $0["value"] as? String } ?? []
        #expect(buttons.first == "chatops:rollback:iris-classifier@prod@v2.1", "\(buttons)")
        let note = try #require(IncidentThreadTests.posts(h).first { $0.json?["channel"] as? String == "C0DEPLOYS1" })
        #expect(note.threadTS == "1699999000.000100")
        #expect(note.text.contains("Incident #1 (PodCrashLooping, warning) fired 20 min after this change (request #1)"), "\(note.text)")

        try await Self.click(h, .rollback("iris-classifier", in: "prod", to: "v2.1"), user: "W222", root: PlatformFakeAnswers.slackTS(1),
                             trigger: "1.1.rollback")
        try await h.eventually("the rollback request") { try await h.store.request(id: 2) != nil }
        let rollback = try #require(try await h.store.request(id: 2))
        await h.stop()
        #expect(rollback.intent == .rollback && rollback.slots["to"] == .string("v2.1") && rollback.requester == "bob")
    }
}

/// An alert that marks model drift gets the drift analysis (MLflow's numbers, the drift prompt,
/// Retrain on P0) instead of diagnose.
@Suite("drift alerts", .serialized)
struct DriftAlertTests {
    /// The captured single-alert notification, renamed to the runbook's drift alert about iris.
    static func driftAlert() -> [UInt8] {
        var body = AlertFixtures.object(AlertFixtures.highLatency)
        body["alerts"] = (body["alerts"] as! [[String: Any]]).map { alert in
            var alert = alert
            var labels = alert["labels"] as! [String: String]
            labels["alertname"] = "ModelAccuracyDrift"
            labels["model"] = "iris-classifier"
            alert["labels"] = labels
            return alert
        }
        var common = body["commonLabels"] as! [String: String]
        common["alertname"] = "ModelAccuracyDrift"
        common["model"] = "iris-classifier"
        body["commonLabels"] = common
        body["groupKey"] = "{}:{alertname=\"ModelAccuracyDrift\"}"
        return AlertFixtures.encode(body)
    }

    @Test("the drift alert's analysis is drift for the model it names, not diagnose")
    func drift() async throws {
        let h = try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack],
            environment: ["CHATOPS_ALERTMANAGER_TOKEN": IncidentThreadTests.token, "CHATOPS_INCIDENT_ROUTES": "* -> slack:C0ALERTS01",
                          "CHATOPS_INCIDENT_POST_INTERVAL": "1ms"],
            fakeIntents: [.diagnose, .drift]))
        #expect(try await IncidentThreadTests.deliver(h, Self.driftAlert()).status == 200)
        try await h.eventually("the thread and its analysis") { IncidentThreadTests.posts(h).count == 2 }
        let analysis = IncidentThreadTests.posts(h)[1]
        await h.stop()
        #expect(analysis.text.contains("Drift analysis for incident #1 (iris-classifier):"), "\(analysis.text)")
        #expect(h.executor.executed.map(\.intent) == [.drift])
        #expect(h.executor.executed.first?.command.slots["model"] == .string("iris-classifier"))
    }
}

/// Silence 1h / 4h: a silence in Alertmanager (API v2) matching the group's labels, created by the
/// person who clicked, through the usual request path; `unsilence` in the thread lifts it.
@Suite("silencing an incident", .serialized)
struct SilenceTests {
    @Test("a Silence 1h click posts the exact v2 silence; unsilence typed in the thread expires it")
    func silence() async throws {
        let silenced = Mutex(false)
        let alertmanager = try await FakePlatformAPI.start { request in
            switch (request.method, request.path) {
            case ("POST", "/api/v2/silences"):
                silenced.withLock { $0 = true }
                return .json(#"{"silenceID":"6b4c2f1e-5d7a-4b8e-9c3f-2a1d0e9f8b7c"}"#)
            case ("GET", "/api/v2/silences"):
                let active = silenced.withLock { $0 }
                return .json(active ? #"[{"id":"6b4c2f1e-5d7a-4b8e-9c3f-2a1d0e9f8b7c","status":{"state":"active"},"comment":"chatops incident #1 (PodCrashLooping): silenced for 1h by alice, request #1","createdBy":"alice","matchers":[],"startsAt":"2026-11-21T19:10:00.000Z","endsAt":"2026-11-21T20:10:00.000Z","updatedAt":"2026-11-21T19:10:00.000Z"},{"id":"other","status":{"state":"active"},"comment":"maintenance window","createdBy":"ops","matchers":[],"startsAt":"2026-11-21T19:00:00.000Z","endsAt":"2026-11-21T23:00:00.000Z","updatedAt":"2026-11-21T19:00:00.000Z"}]"# : "[]")
            case ("DELETE", _):
                return FakeResponse(status: 200, headers: [:], body: [])
            default:
                return .json(#"{"code":404,"message":"not found"}"#, status: 404)
            }
        }
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_288_000))
        let h = try await PlatformHarness.start(PlatformHarness.Options(
            platforms: [.slack], identities: ["alice": "slack:W111"],
            environment: ["CHATOPS_ALERTMANAGER_TOKEN": IncidentThreadTests.token, "CHATOPS_INCIDENT_ROUTES": "* -> slack:C0ALERTS01",
                          "CHATOPS_INCIDENT_POST_INTERVAL": "1ms", "CHATOPS_ALERTMANAGER_URL": alertmanager.baseURL],
            fakeIntents: [.diagnose], clock: clock))
        #expect(try await IncidentThreadTests.deliver(h, AlertFixtures.bytes(AlertFixtures.crashLooping)).status == 200)
        try await h.eventually("the thread") { IncidentThreadTests.posts(h).count == 2 }
        let root = PlatformFakeAnswers.slackTS(1)
        try await IncidentActionTests.click(h, .silence(incident: 1, for: "1h"), user: "W111", root: root, trigger: "1.1.silence")
        try await h.eventually("the silence") { alertmanager.requests.contains { $0.method == "POST" } }
        let body = try #require(alertmanager.requests.first { $0.method == "POST" }?.json)
        #expect(body["createdBy"] as? String == "alice")
        #expect(body["startsAt"] as? String == "2026-11-18T09:46:40Z" || (body["startsAt"] as? String)?.hasPrefix("2026-") == true)
        let matchers = try #require(body["matchers"] as? [[String: Any]])
        #expect(matchers.map { $0["name"] as? String } == ["alertname", "namespace"], "the group's labels")
        #expect(matchers.map { $0["value"] as? String } == ["PodCrashLooping", "ml-apps"])
        #expect(matchers.allSatisfy { $0["isRegex"] as? Bool == false && $0["isEqual"] as? Bool == true })
        #expect(body["comment"] as? String == "chatops incident #1 (PodCrashLooping): silenced for 1h by alice, request #1")
        let starts = ISO8601DateFormatter().date(from: body["startsAt"] as? String ?? "")
        let ends = ISO8601DateFormatter().date(from: body["endsAt"] as? String ?? "")
        #expect(starts.flatMap { s in ends.map { $0.timeIntervalSince(s) } } == 3600)
        try await h.eventually("the answer in the thread") { IncidentThreadTests.posts(h).contains { $0.text.contains("Silenced incident #1") } }
        let request = try #require(try await h.store.request(id: 1))
        #expect(request.intent == .silence && request.requester == "alice" && request.state == .succeeded)

        try await IncidentActionTests.mention(h, "unsilence", user: "W111", root: root, ts: "1700000200.000001", eventID: "EvUNSIL1")
        try await h.eventually("the expiry") { alertmanager.requests.contains { $0.method == "DELETE" } }
        let deletes = alertmanager.requests.filter { $0.method == "DELETE" }.map(\.path)
        await h.settle()
        await h.stop()
        await alertmanager.stop()
        #expect(deletes == ["/api/v2/silence/6b4c2f1e-5d7a-4b8e-9c3f-2a1d0e9f8b7c"], "only the incident's own silence")
    }

    @Test("silence is not in the catalog: no rule or parse gives it, and its button's words are checked")
    func notInTheCatalog() {
        #expect(!Intent.catalog.contains(.silence))
        #expect(ReplyAction(identifier: "chatops:silence:1@1h")?.commandText == "silence incident 1 for 1h")
        #expect(ReplyAction(identifier: "chatops:silence:1@off")?.commandText == "unsilence incident 1")
        #expect(ReplyAction(identifier: "chatops:silence:1@1h; rm -rf /") == nil)
        #expect(ReplyAction(identifier: "chatops:silence:0@1h") == nil)
    }
}
