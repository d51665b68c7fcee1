import ReplyModel

/// What `diagnose` found about one deployment, as data: the input a later root-cause analysis (AI)
/// builds on, and what the reply renders.
public struct KubernetesDiagnosis: Sendable, Hashable {
    public let app: String
    public let env: String
    public let namespace: String
    public let deployment: String
    public let selector: String
    /// The symptom the person described ("slow"), when they said one.
    public let symptom: String?
    public let pods: [PodFacts]
    /// The deployment's and the pods' events, newest first.
    public let events: [EventFacts]
    /// Plain sentences about what looks wrong, most serious first.
    public let findings: [String]
    public let severity: Severity
}

/// One pod's state, from `status` and its containers' statuses.
public struct PodFacts: Sendable, Hashable {
    public let name: String
    public let phase: String
    /// Why the pod itself is in its phase (`Evicted`), when the API says.
    public let reason: String?
    public let createdAt: String?
    public let containers: [ContainerFacts]

    public var readyCount: Int { containers.filter(\.ready).count }
    public var restarts: Int { containers.map(\.restarts).reduce(0, +) }
    /// The first container's reason for waiting (`CrashLoopBackOff`, `ImagePullBackOff`).
    public var waitingReason: String? { containers.lazy.compactMap(\.waitingReason).first }
    /// The first container's last termination reason (`OOMKilled`, `Error`).
    public var lastTerminationReason: String? { containers.lazy.compactMap(\.lastTerminationReason).first }

    init(_ pod: Pod) {
        name = pod.metadata.name
        phase = pod.status?.phase ?? "Unknown"
        reason = pod.status?.reason
        createdAt = pod.metadata.creationTimestamp
        containers = pod.containerNames.map { ContainerFacts(name: $0, status: pod.containerStatus($0)) }
    }
}

public struct ContainerFacts: Sendable, Hashable {
    public let name: String
    public let ready: Bool
    public let restarts: Int
    public let waitingReason: String?
    public let waitingMessage: String?
    public let lastTerminationReason: String?
    public let lastExitCode: Int?

    init(name: String, status: ContainerStatus?) {
        self.name = name
        ready = status?.ready ?? false
        restarts = status?.restartCount ?? 0
        waitingReason = status?.state?.waiting?.reason
        waitingMessage = status?.state?.waiting?.message
        lastTerminationReason = status?.lastState?.terminated?.reason ?? status?.state?.terminated?.reason
        lastExitCode = status?.lastState?.terminated?.exitCode ?? status?.state?.terminated?.exitCode
    }
}

/// One event about the deployment or a pod.
public struct EventFacts: Sendable, Hashable {
    /// `Normal` or `Warning`.
    public let type: String
    public let reason: String
    /// `Pod/iris-classifier-7d9c-abcde`.
    public let object: String
    public let message: String
    public let count: Int
    public let lastSeen: String?

    init(_ event: KubeEvent) {
        type = event.type ?? "Normal"
        reason = event.reason ?? ""
        object = "\(event.involvedObject.kind ?? "?")/\(event.involvedObject.name ?? "?")"
        message = event.message ?? ""
        count = event.count ?? 1
        lastSeen = event.lastSeen
    }
}
