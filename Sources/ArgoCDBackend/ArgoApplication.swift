/// The parts of an Argo CD `v1alpha1Application` (GET /api/v1/applications/{name}) that a status
/// report shows.
struct ArgoApplication: Decodable, Sendable {
    struct Metadata: Decodable, Sendable { let name: String }
    struct Status: Decodable, Sendable {
        struct Sync: Decodable, Sendable { let status: String?; let revision: String? }
        struct Health: Decodable, Sendable { let status: String?; let message: String? }
        struct Summary: Decodable, Sendable { let images: [String]? }
        struct Operation: Decodable, Sendable { let phase: String?; let finishedAt: String?; let message: String? }
        struct Deployment: Decodable, Sendable { let deployedAt: String?; let revision: String?; let id: Int64? }
        let sync: Sync?
        let health: Health?
        let summary: Summary?
        let operationState: Operation?
        let history: [Deployment]?
        let reconciledAt: String?
    }

    let metadata: Metadata
    let status: Status?
}
