import Foundation
import ReplyModel

/// A diagnosis as the thread shows it: a summary, the findings, a table of pods, a table of events.
extension KubernetesDiagnosis {
    func reply(now: Date) -> Reply {
        let ready = pods.filter { $0.phase == "Running" && $0.readyCount == $0.containers.count && !$0.containers.isEmpty }.count
        var summary = "\(app) in \(env) (\(namespace)/\(deployment)): \(pods.count) pod" + (pods.count == 1 ? "" : "s") + ", \(ready) ready"
        if let symptom { summary += " — you said: \(symptom)" }
        var blocks: [ReplyBlock] = [.text(summary)]
        blocks.append(.text(findings.isEmpty ? "Nothing looks wrong: every pod is ready and no event warns."
                                             : findings.map { "• \($0)" }.joined(separator: "\n")))
        if !pods.isEmpty {
            blocks.append(.table(headers: ["Pod", "Status", "Restarts", "Last termination", "Waiting", "Age"], rows: pods.map { pod in
                [pod.name, "\(pod.phase) \(pod.readyCount)/\(pod.containers.count)", String(pod.restarts),
                 pod.lastTerminationReason ?? "-", pod.waitingReason ?? "-", RFC3339.age(since: pod.createdAt, now: now)]
            }))
        }
        if !events.isEmpty {
            blocks.append(.table(headers: ["Type", "Reason", "Object", "Message", "Count", "Last seen"], rows: events.map { event in
                [event.type, event.reason, event.object, event.message, String(event.count), RFC3339.age(since: event.lastSeen, now: now)]
            }))
        }
        return Reply(severity, blocks)
    }
}
