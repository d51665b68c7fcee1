/// The parts of a core/v1 `Event` (in an `EventList` from `GET /api/v1/namespaces/{ns}/events`).
public struct KubeEvent: Decodable, Sendable, Hashable {
    public struct InvolvedObject: Decodable, Sendable, Hashable {
        public let kind: String?
        public let name: String?
    }

    public struct Metadata: Decodable, Sendable, Hashable {
        public let creationTimestamp: String?
    }

    public let involvedObject: InvolvedObject
    /// `Normal` or `Warning`.
    public let type: String?
    public let reason: String?
    public let message: String?
    public let count: Int?
    public let lastTimestamp: String?
    /// Set instead of the timestamps by events.k8s.io/v1 writers (MicroTime).
    public let eventTime: String?
    public let metadata: Metadata?

    /// When it last happened: the newest time the event carries.
    public var lastSeen: String? { lastTimestamp ?? eventTime ?? metadata?.creationTimestamp }
}

struct EventList: Decodable, Sendable {
    let items: [KubeEvent]
}

/// An `autoscaling/v1` `Scale` (`/apis/apps/v1/namespaces/{ns}/deployments/{name}/scale`).
struct Scale: Decodable, Sendable {
    struct Spec: Decodable, Sendable { let replicas: Int? }
    struct Status: Decodable, Sendable { let replicas: Int? }
    let spec: Spec?
    let status: Status?

    /// `spec.replicas` is left out when it is 0.
    var desiredReplicas: Int { spec?.replicas ?? 0 }
}
