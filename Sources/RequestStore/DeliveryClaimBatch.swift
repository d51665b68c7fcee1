import Approvals
import Foundation

/// Group commit for delivery claims: claims that arrive while one transaction is being written
/// wait for the next, which records them all at once. Each claim is durable (committed) before
/// its caller hears `.new`, but a flood of deliveries costs one transaction per batch instead of
/// one per delivery. Within a batch, a delivery id claimed twice is `.new` once.
actor DeliveryClaimBatch {
    struct Claim: Sendable {
        let platform: String
        let id: String
        let at: Date
        /// What handling it takes, kept until it completes (nil: nothing kept).
        let work: [UInt8]?
    }

    typealias Writer = @Sendable ([Claim]) async throws -> [DeliveryStatus]

    private let writeBatch: Writer
    private var waiting: [(Claim, CheckedContinuation<DeliveryStatus, any Error>)] = []
    private var writing = false
    /// The most claims one transaction takes (a bound on its length).
    private let maxBatch = 256

    init(writeBatch: @escaping Writer) {
        self.writeBatch = writeBatch
    }

    func claim(_ claim: Claim) async throws -> DeliveryStatus {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((claim, continuation))
            if !writing {
                writing = true
                Task { await self.writeWaiting() }
            }
        }
    }

    private func writeWaiting() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            do {
                let statuses = try await writeBatch(batch.map(\.0))
                for ((_, continuation), status) in zip(batch, statuses) { continuation.resume(returning: status) }
            } catch {
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}
