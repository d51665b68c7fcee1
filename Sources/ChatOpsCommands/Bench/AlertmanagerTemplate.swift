import Foundation

/// An Alertmanager webhook notification (`version: "4"`, the shape its `webhook_configs` sends)
/// with `alerts` firing alerts, where every `@N@` is to be replaced by a number unique to one
/// notification: its group and its alerts' fingerprints then differ from every other's, so each
/// is queued, never answered "already queued".
struct AlertmanagerTemplate: Sendable {
    static let placeholder = "@N@"

    let alerts: Int

    struct Notification: Encodable {
        let receiver = "chatops-webhook"
        let status = "firing"
        let alerts: [Alert]
        let groupLabels: [String: String]
        let commonLabels: [String: String]
        let commonAnnotations: [String: String] = [:]
        let externalURL = "http://127.0.0.1:9093"
        let version = "4"
        let groupKey: String
        let truncatedAlerts = 0
    }

    struct Alert: Encodable {
        let status = "firing"
        let labels: [String: String]
        let annotations: [String: String]
        let startsAt: String
        let endsAt = "0001-01-01T00:00:00Z"
        let generatorURL: String
        let fingerprint: String
    }

    /// The template as JSON text.
    func json() throws -> String {
        let n = Self.placeholder
        let common = ["alertname": "PodCrashLooping", "cluster": "bench", "container": "kserve-container", "namespace": "ml-apps",
                      "severity": "warning", "storm": "storm-\(n)"]
        let alertList = (0..<alerts).map { index in
            let pod = "iris-classifier-\(n)-\(index)"
            return Alert(labels: common.merging(["pod": pod]) { _, new in new },
                         annotations: ["summary": "Pod \(pod) is crash looping",
                                       "description": "Container kserve-container in pod ml-apps/\(pod) restarted 5 times in the last 10 minutes (CrashLoopBackOff)."],
                         startsAt: "2026-11-21T19:06:07.\(String(format: "%09d", index))Z",
                         generatorURL: "http://prometheus.bench.local:9090/graph?g0.expr=increase%28kube_pod_container_status_restarts_total%5B10m%5D%29+%3E+3",
                         fingerprint: "\(n)f\(String(index, radix: 16))")
        }
        let notification = Notification(alerts: alertList, groupLabels: ["alertname": "PodCrashLooping", "storm": "storm-\(n)"],
                                         commonLabels: common,
                                         groupKey: #"{}:{alertname="PodCrashLooping", storm="storm-\#(n)"}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(notification), as: UTF8.self)
    }

    /// The template with `@N@` replaced: one notification.
    static func instance(_ template: String, number: String) -> String {
        template.replacingOccurrences(of: placeholder, with: number)
    }
}
