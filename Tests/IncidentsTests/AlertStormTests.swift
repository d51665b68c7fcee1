import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import Testing

/// A storm: 10,000 alerts in 50 groups reach `POST /alertmanager` as Alertmanager sends them (each
/// notification repeats the group's alerts so far), and coalesce into their incidents.
@Suite("an alert storm", .serialized)
struct AlertStormTests {
    static let groups = 50
    static let alertsPerGroup = 200
    static let notificationsPerGroup = 10

    /// The captured crash-looping notification's shape, for group `g` with its first `count` alerts.
    static func notification(group g: Int, alerts count: Int) -> [UInt8] {
        var body = AlertFixtures.object(AlertFixtures.crashLooping)
        let template = (body["alerts"] as! [[String: Any]])[0]
        body["alerts"] = (0..<count).map { index -> [String: Any] in
            var alert = template
            var labels = alert["labels"] as! [String: String]
            labels["alertname"] = "StormAlert\(g)"
            labels["pod"] = "storm-\(g)-\(index)"
            alert["labels"] = labels
            alert["fingerprint"] = String(format: "%08x%08x", g, index)
            return alert
        }
        body["groupKey"] = "{}:{alertname=\"StormAlert\(g)\", namespace=\"ml-apps\"}"
        body["groupLabels"] = ["alertname": "StormAlert\(g)", "namespace": "ml-apps"]
        var common = body["commonLabels"] as! [String: String]
        common["alertname"] = "StormAlert\(g)"
        body["commonLabels"] = common
        return AlertFixtures.encode(body)
    }

    static func residentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }

    @Test("10,000 alerts across 50 groups: 50 incidents, every alert kept, bounded posts and analyses, bounded memory")
    func storm() async throws {
        let h = try await IncidentThreadTests.start()
        let before = Self.residentBytes()
        let step = Self.alertsPerGroup / Self.notificationsPerGroup
        for round in 1...Self.notificationsPerGroup {
            for group in 0..<Self.groups {
                let response = try await IncidentThreadTests.deliver(h, Self.notification(group: group, alerts: round * step))
                #expect(response.status == 200)
            }
        }
        try await h.eventually("every notification applied and posted", timeout: .seconds(120)) {
            let depth = try await h.store.alertQueueDepth()
            let posts = try await h.store.pendingIncidentPosts(limit: 1)
            return depth == 0 && posts.isEmpty
        }
        let incidents = try await h.store.incidents(states: nil, limit: 100)
        let grown = Self.residentBytes() - before
        let posts = IncidentThreadTests.posts(h)
        await h.stop()
        #expect(incidents.count == Self.groups)
        #expect(incidents.allSatisfy { $0.alerts.count == Self.alertsPerGroup && $0.firing.count == Self.alertsPerGroup },
                "no alert lost: \(incidents.map(\.alerts.count))")
        #expect(Set(incidents.map(\.groupKey)).count == Self.groups)
        let openings = posts.filter { $0.threadTS == nil }.count
        let analyses = posts.filter { $0.text.contains("No evidence gathered") }.count
        #expect(openings == Self.groups, "one thread per group")
        #expect(analyses <= Self.groups, "at most one analysis per incident per interval: \(analyses)")
        // An opening, an analysis, and at most one coalesced reply per notification after the first.
        #expect(posts.count <= Self.groups * (2 + Self.notificationsPerGroup - 1), "\(posts.count) posts")
        #expect(grown < 200 << 20, "resident memory grew \(grown >> 20) MB")
    }
}
