import Approvals
import Foundation
import RequestStore

extension SQLiteApprovalStore {
    /// A new store holding `pending` as a stopped process left them, each received `age` seconds
    /// earlier than it was: what the next start finds (`age` past the resume window: too old).
    public static func inMemory(holding pending: [PendingDelivery], receivedEarlierBy age: TimeInterval) async throws -> SQLiteApprovalStore {
        let store = try inMemory()
        for delivery in pending {
            let status = try await store.recordDelivery(platform: delivery.key.platform, id: delivery.key.id,
                                                        at: delivery.receivedAt.addingTimeInterval(-age), work: delivery.work)
            guard status == .new else { throw HarnessError("delivery \(delivery.key.id) was already in the new store: \(status)") }
        }
        return store
    }
}
