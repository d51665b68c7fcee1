import ReplyModel

/// Reads the facts the way an operator would: what is broken (failure), what is suspicious
/// (warning), or that all pods are ready and nothing warns (success).
enum DiagnosisFindings {
    /// Waiting reasons that mean the container cannot run as it is.
    static let brokenWaits: Set<String> = ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError",
                                           "CreateContainerError", "InvalidImageName", "RunContainerError"]

    static let maxWarningEvents = 5

    static func assess(pods: [PodFacts], events: [EventFacts], selector: String) -> (findings: [String], severity: Severity) {
        var failures: [String] = []
        var warnings: [String] = []
        if pods.isEmpty { failures.append("no pods match \(selector): the deployment has none running (scaled to 0, or pods cannot be created)") }
        for pod in pods {
            for container in pod.containers {
                let who = "\(pod.name)/\(container.name)"
                if let waiting = container.waitingReason, brokenWaits.contains(waiting) {
                    failures.append("\(who) is in \(waiting)" + (container.waitingMessage.map { ": \($0)" } ?? ""))
                }
                if container.lastTerminationReason == "OOMKilled" {
                    failures.append("\(who) was OOMKilled (exit \(container.lastExitCode ?? 137)): it needs more memory than its limit")
                } else if container.restarts > 0, let reason = container.lastTerminationReason {
                    warnings.append("\(who) restarted \(container.restarts) times, last exit: \(reason)"
                                    + (container.lastExitCode.map { " (code \($0))" } ?? ""))
                }
            }
            if pod.phase == "Failed" { failures.append("\(pod.name) failed" + (pod.reason.map { " (\($0))" } ?? "")) }
            if pod.phase == "Pending" { warnings.append("\(pod.name) is Pending: not scheduled or its containers are not created yet") }
            if pod.phase == "Running", pod.readyCount < pod.containers.count {
                warnings.append("\(pod.name) runs but only \(pod.readyCount)/\(pod.containers.count) containers are ready")
            }
        }
        for event in events.filter({ $0.type == "Warning" }).prefix(maxWarningEvents) {
            warnings.append("\(event.object): \(event.reason) — \(event.message)" + (event.count > 1 ? " (×\(event.count))" : ""))
        }
        let severity: Severity = !failures.isEmpty ? .failure : !warnings.isEmpty ? .warning : .success
        return (failures + warnings, severity)
    }
}
