import Approvals
import Conversation
import Foundation
import Logging

/// At start-up: deliveries a platform was told were received (Slack's "Working on…") whose work
/// was stored but never finished, because the process stopped in between, go back to their
/// adapters, each as a piece of in-flight work. Only those received before this process started:
/// later ones are its own, in flight. One served process per store (the deployment's one replica).
struct InboxRecovery: Sendable {
    /// Older than this, a delivery is reported to its sender, not acted on: a command typed
    /// a quarter of an hour ago may no longer be wanted (a deploy whose moment has passed).
    static let resumeWindow: TimeInterval = 15 * 60

    let bot: ChatBot
    let adapters: [any PlatformAdapter]
    let work: InFlightWork
    let startedAt: Date
    let logger: Logger

    func run() async throws {
        let pending = try await bot.pendingDeliveries(receivedBefore: startedAt)
        guard !pending.isEmpty else { return }
        logger.notice("resuming deliveries acknowledged before the last stop and never handled", metadata: ["count": "\(pending.count)"])
        let now = bot.now()
        let isStale: @Sendable (PendingDelivery) -> Bool = { now.timeIntervalSince($0.receivedAt) > Self.resumeWindow }
        for (platform, deliveries) in Dictionary(grouping: pending, by: \.key.platform).sorted(by: { $0.key < $1.key }) {
            guard let adapter = adapters.first(where: { $0.platform == platform }) else {
                logger.warning("deliveries acknowledged before the last stop wait for their platform, which is not served now",
                               metadata: ["platform": "\(platform)", "count": "\(deliveries.count)",
                                          "deliveries": "\(deliveries.map(\.key.id).joined(separator: ", "))"])
                continue
            }
            for delivery in deliveries {
                logger.info(isStale(delivery) ? "reporting a delivery too old to resume" : "resuming a delivery",
                            metadata: ["platform": "\(platform)", "delivery": "\(delivery.key.id)"])
            }
            adapter.resume(deliveries, isStale: isStale, in: work)
        }
    }

    /// What a sender is told about a command too old to resume: `what` (`` `/deploy iris v2 staging` ``)
    /// was received at `receivedAt` and not run.
    static func staleNotice(_ what: String, receivedAt: Date, now: Date) -> String {
        let minutes = max(1, Int(now.timeIntervalSince(receivedAt) / 60))
        return "\(what) was received \(minutes) minutes ago, but chatops stopped before handling it, "
            + "and it is now too old to act on unasked. Nothing was done; send it again if it is still wanted."
    }
}
