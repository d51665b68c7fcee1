import Foundation
@testable import Incidents

/// The captured Alertmanager bodies and the variants tests derive from them.
enum AlertFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) -> [UInt8] { Array(try! Data(contentsOf: directory.appendingPathComponent(name))) }
    static func object(_ name: String) -> [String: Any] { try! JSONSerialization.jsonObject(with: Data(bytes(name))) as! [String: Any] }
    static func encode(_ object: [String: Any]) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) }

    static let highLatency = "webhook-01-firing-single-ModelHighLatency.json"
    static let crashLooping = "webhook-02-firing-group-of-3-PodCrashLooping.json"
    static let remainingResolved = "webhook-04-resolved-group-remaining-2.json"
    static let highLatencyResolved = "webhook-05-resolved-single-ModelHighLatency.json"

    /// Notification 03 as Alertmanager sends it: the group still firing, the pod `…-x2k4p`
    /// resolved (its `endsAt` set), the other two firing.
    static func partiallyResolved() -> [UInt8] {
        var body = object(crashLooping)
        body["alerts"] = (body["alerts"] as! [[String: Any]]).map { alert in
            var alert = alert
            if (alert["labels"] as? [String: String])?["pod"] == "iris-classifier-7d9f8b-x2k4p" {
                alert["status"] = "resolved"
                alert["endsAt"] = "2026-11-21T19:18:37.697054626Z"
            }
            return alert
        }
        return encode(body)
    }

    /// The same notification as the other Alertmanager of an HA pair sends it: its own
    /// `externalURL`, the alerts in another order.
    static func haCopy(_ name: String) -> [UInt8] {
        var body = object(name)
        body["externalURL"] = "http://alertmanager-1.monitoring:9093"
        body["alerts"] = Array((body["alerts"] as! [[String: Any]]).reversed())
        return encode(body)
    }

    /// `name` with every alert moved to `namespace` and, when given, its pod renamed.
    static func moved(_ name: String, namespace: String, pod: String? = nil) -> [UInt8] {
        var body = object(name)
        body["alerts"] = (body["alerts"] as! [[String: Any]]).map { alert in
            var alert = alert
            var labels = alert["labels"] as! [String: String]
            labels["namespace"] = namespace
            if let pod { labels["pod"] = pod }
            alert["labels"] = labels
            return alert
        }
        var common = body["commonLabels"] as! [String: String]
        common["namespace"] = namespace
        body["commonLabels"] = common
        body["groupKey"] = (body["groupKey"] as! String).replacingOccurrences(of: "ml-apps", with: namespace)
        return encode(body)
    }

    static func notification(_ bytes: [UInt8]) -> AlertmanagerNotification { try! AlertmanagerNotification.decode(bytes) }
}
