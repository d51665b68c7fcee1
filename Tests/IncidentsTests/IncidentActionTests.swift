import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import PlatformHTTP
import ReplyModel
import RequestStore
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

    static func click(_ h: PlatformHarness, _ action: ReplyAction, user: String, root: String, trigger: String) async throws {
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
        #expect(try await h.postSlack("/slack/interactions", body).status == 200)
    }

    static func mention(_ h: PlatformHarness, _ text: String, user: String, root: String, ts: String, eventID: String) async throws {
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
        #expect(try await h.postSlack("/slack/events", body, contentType: "application/json").status == 200)
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
        #expect(buttons == ["chatops:restart:iris-classifier@prod", "chatops:rollback:iris-classifier@prod", "chatops:freeze:prod"])
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
