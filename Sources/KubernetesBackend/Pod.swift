/// The parts of a core/v1 `Pod` (in a `PodList` from `GET /api/v1/namespaces/{ns}/pods`) that logs
/// and diagnosis read. Every field is optional: the API omits empty ones.
public struct Pod: Decodable, Sendable, Hashable {
    public struct Metadata: Decodable, Sendable, Hashable {
        public let name: String
        public let namespace: String?
        public let creationTimestamp: String?
    }

    public struct Spec: Decodable, Sendable, Hashable {
        public struct Container: Decodable, Sendable, Hashable { public let name: String }
        public let containers: [Container]?
    }

    public struct Status: Decodable, Sendable, Hashable {
        public let phase: String?
        public let reason: String?
        public let message: String?
        public let containerStatuses: [ContainerStatus]?
    }

    public let metadata: Metadata
    public let spec: Spec?
    public let status: Status?

    /// The containers the spec names, in order (what the log endpoint's `container=` takes).
    public var containerNames: [String] { spec?.containers?.map(\.name) ?? [] }

    public func containerStatus(_ name: String) -> ContainerStatus? {
        status?.containerStatuses?.first { $0.name == name }
    }
}

/// One container's state in `status.containerStatuses`.
public struct ContainerStatus: Decodable, Sendable, Hashable {
    public let name: String
    public let ready: Bool?
    public let restartCount: Int?
    public let state: ContainerState?
    public let lastState: ContainerState?
}

/// `waiting`, `running` or `terminated`: at most one is set.
public struct ContainerState: Decodable, Sendable, Hashable {
    public struct Waiting: Decodable, Sendable, Hashable {
        public let reason: String?
        public let message: String?
    }

    public struct Running: Decodable, Sendable, Hashable {
        public let startedAt: String?
    }

    public struct Terminated: Decodable, Sendable, Hashable {
        public let reason: String?
        public let exitCode: Int?
        public let message: String?
        public let finishedAt: String?
    }

    public let waiting: Waiting?
    public let running: Running?
    public let terminated: Terminated?
}

/// `{"kind":"PodList","apiVersion":"v1","items":[...]}`.
struct PodList: Decodable, Sendable {
    let items: [Pod]
}
