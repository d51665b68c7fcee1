/// Which logs of one container are worth reading: the current tail once it has started, and the
/// previous container's tail when it has restarted (its last words say why it died).
struct ContainerLogPlan {
    let container: String
    let status: ContainerStatus?
    let podPhase: String?

    init(pod: Pod, container: String) {
        self.container = container
        status = pod.containerStatus(container)
        podPhase = pod.status?.phase
    }

    var restarts: Int { status?.restartCount ?? 0 }

    /// A container waiting for its first start has no log yet.
    var hasStarted: Bool { status?.state?.running != nil || status?.state?.terminated != nil || restarts > 0 }

    var readsPrevious: Bool { status?.lastState?.terminated != nil }

    /// `pod my-pod · container main — restarted 3 times, now CrashLoopBackOff`.
    func heading(pod: String) -> String {
        var state: [String] = []
        if restarts > 0 { state.append("restarted \(restarts) time" + (restarts == 1 ? "" : "s")) }
        if let waiting = status?.state?.waiting?.reason { state.append("now \(waiting)") }
        return "pod \(pod) · container \(container)" + (state.isEmpty ? "" : " — " + state.joined(separator: ", "))
    }

    /// Why there is no log: `not started yet (pod Pending)`.
    var notStartedNote: String {
        let why = status?.state?.waiting?.reason ?? podPhase.map { "pod \($0)" } ?? "no status yet"
        return "not started yet (\(why)): no log"
    }

    /// `previous container (exited: Error, code 1)`.
    var previousHeading: String {
        let terminated = status?.lastState?.terminated
        let how = [terminated?.reason, terminated?.exitCode.map { "code \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "previous container" + (how.isEmpty ? "" : " (exited: \(how))")
    }
}
