import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// `chatops incidents list|show [--json]` and the `incidents` intent read what the store holds.
@Suite("chatops incidents")
struct IncidentsCLITests {
    static func seed(_ path: String) async throws {
        let store = try SQLiteApprovalStore(path: path)
        let opened = Date(timeIntervalSince1970: 1_795_288_000)
        let alert = IncidentAlert(fingerprint: "4c07481a3d827e9e", status: "firing",
                                  labels: ["alertname": "PodCrashLooping", "namespace": "ml-prod", "pod": "iris-classifier-7d9f8b-m8q2z",
                                           "severity": "warning"],
                                  annotations: ["summary": "Pod iris-classifier-7d9f8b-m8q2z is crash looping"],
                                  startsAt: "2026-11-21T19:06:07.709402348Z", endsAt: "0001-01-01T00:00:00Z", generatorURL: nil)
        for (index, state) in [IncidentRecord.State.resolved, .open].enumerated() {
            let incident = IncidentRecord(id: 0, groupKey: "{}:{alertname=\"PodCrashLooping\", namespace=\"ml-prod\"}-\(index)", state: state,
                                          openedAt: opened, resolvedAt: state == .resolved ? opened.addingTimeInterval(600) : nil,
                                          groupLabels: [:], commonLabels: ["alertname": "PodCrashLooping", "severity": "warning"],
                                          commonAnnotations: [:], truncatedAlerts: 0, alerts: [alert],
                                          thread: MessageOrigin(platform: "slack", channel: "C0ALERTS01", thread: "1700000000.000001"),
                                          lastAnalysisAt: nil, reopened: 0, app: "iris-classifier", env: "prod")
            let group = incident.groupKey
            _ = try await store.enqueueAlertNotification(groupKey: group, dedupeKey: group, body: Array("{}".utf8), at: opened)
            let queued = try await store.pendingAlertNotifications(limit: 1)
            _ = try await store.applyAlertNotification(try #require(queued.first).id, incident: incident, posts: [], at: opened)
        }
    }

    @Test("list (all, open), show, --json, and an unknown number")
    func listAndShow() async throws {
        let cli = try FreshStoreCLI()
        try await Self.seed(cli.store)
        let all = try cli.run(["incidents", "list", "--store", cli.store])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("#2  open      PodCrashLooping (warning)  iris-classifier in prod  1/1 firing  opened 2026-") == true,
                "\(all.stdout)")
        let open = try cli.run(["incidents", "list", "--state", "open", "--json", "--store", cli.store])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["id"] as? Int } == [2])
        #expect((parsed.first?["alerts"] as? [[String: Any]])?.first?["fingerprint"] as? String == "4c07481a3d827e9e")
        let shown = try cli.run(["incidents", "show", "1", "--store", cli.store])
        #expect(shown.stdout.contains("resolved 2026-"), "\(shown.stdout)")
        #expect(shown.stdout.contains("thread: slack C0ALERTS01 1700000000.000001"))
        #expect(shown.stdout.contains("firing   4c07481a3d827e9e  alertname=PodCrashLooping namespace=ml-prod"))
        let missing = try cli.run(["incidents", "show", "9", "--store", cli.store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no incident #9"))
        let bad = try cli.run(["incidents", "list", "--state", "burning", "--store", cli.store])
        #expect(bad.status != 0 && bad.stderr.contains("--state is open, resolved or all"))
    }

    @Test("the incidents intent answers from the store, and says how to turn incidents on when Alertmanager is not set")
    func intent() async throws {
        let cli = try FreshStoreCLI()
        let none = try cli.run(["say", "--as", "alice", "--store", cli.store, "open incidents"])
        #expect(none.stdout.contains("No open incidents. Alertmanager is not sending alerts here: set CHATOPS_ALERTMANAGER_TOKEN"), "\(none.stdout)")
        try await Self.seed(cli.store)
        let listed = try cli.run(["say", "--as", "alice", "--store", cli.store, "list incidents"])
        #expect(listed.stdout.contains("1 open incident, newest first:"), "\(listed.stdout)")
        #expect(listed.stdout.contains("PodCrashLooping"))
    }
}
