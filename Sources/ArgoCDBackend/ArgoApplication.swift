/// The parts of an Argo CD `v1alpha1Application` (GET /api/v1/applications/{name}) that status,
/// sync, rollback and promote use.
public struct ArgoApplication: Decodable, Sendable {
    public struct Metadata: Decodable, Sendable { public let name: String }
    public struct Status: Decodable, Sendable {
        /// `revisions` instead of `revision` for an application with several sources.
        public struct Sync: Decodable, Sendable { public let status: String?; public let revision: String?; public let revisions: [String]? }
        public struct Health: Decodable, Sendable { public let status: String?; public let message: String? }
        public struct Summary: Decodable, Sendable { public let images: [String]? }
        public struct Operation: Decodable, Sendable {
            public let phase: String?
            public let finishedAt: String?
            public let message: String?
            public let startedAt: String?
        }
        /// One entry of `status.history`: what was deployed, when; `id` is what rollback takes.
        public struct Deployment: Decodable, Sendable {
            public let deployedAt: String?
            public let revision: String?
            public let id: Int64?
        }
        public let sync: Sync?
        public let health: Health?
        public let summary: Summary?
        public let operationState: Operation?
        public let history: [Deployment]?
        public let reconciledAt: String?
    }

    public let metadata: Metadata
    public let status: Status?

    public var syncStatus: String { status?.sync?.status ?? "Unknown" }
    public var healthStatus: String { status?.health?.status ?? "Unknown" }
    public var operationPhase: String? { status?.operationState?.phase }

    /// The tag of the running image whose name is `image` (`ghcr.io/acme/iris:v2.3` → `v2.3`).
    public func runningTag(of image: String) -> String? {
        for reference in status?.summary?.images ?? [] where reference.hasPrefix(image + ":") {
            let tag = reference.dropFirst(image.count + 1)
            return String(tag.split(separator: "@").first ?? tag)
        }
        return nil
    }

    /// `Synced, Healthy (operation Running)`: what progress reports show.
    public var stateSummary: String {
        "\(syncStatus), \(healthStatus)" + (operationPhase.map { " (operation \($0))" } ?? "")
    }
}
