import Approvals
import ChatOpsCore
import Conversation
import Hummingbird
import ServiceLifecycle

/// One chat platform plugged into the server: its inbound routes and where its replies go.
public protocol PlatformAdapter: Sendable {
    /// `slack`, `discord` or `github`: the `MessageOrigin.platform` it serves.
    var platform: String { get }
    /// Posts replies in this platform's threads (also used for notices after a restart).
    var sink: any ReplySink { get }
    /// How the bot opens threads of its own here (incidents), when the platform can host them.
    var starter: (any ThreadStarter)? { get }
    /// Work that runs with the server (the incident worker), beside the routes.
    var services: [any Service] { get }
    func addRoutes(to router: ChatRouter)
    /// Handles again a delivery this adapter acknowledged with its work (`InboxWork`) and never
    /// finished: the process stopped in between. `stale`: too old to act on now
    /// (`InboxRecovery.resumeWindow`); the adapter says so where it came from, acts on nothing,
    /// and completes it. Either way the delivery must end completed.
    func resume(_ delivery: PendingDelivery, stale: Bool) async
    /// Starts, each as a piece of `work`, the resumption of this platform's `deliveries` left by
    /// the last stop (oldest first; `isStale` says which are too old to act on). By default each
    /// is resumed on its own; an adapter whose deliveries belong together (a comment and its
    /// command lines) resumes them together, so they keep their order and are reported once.
    func resume(_ deliveries: [PendingDelivery], isStale: @escaping @Sendable (PendingDelivery) -> Bool, in work: InFlightWork)
}

extension PlatformAdapter {
    public var starter: (any ThreadStarter)? { nil }
    public var services: [any Service] { [] }
    /// An adapter that stores no work has nothing to resume.
    public func resume(_ delivery: PendingDelivery, stale: Bool) async {}

    public func resume(_ deliveries: [PendingDelivery], isStale: @escaping @Sendable (PendingDelivery) -> Bool, in work: InFlightWork) {
        for delivery in deliveries {
            let stale = isStale(delivery)
            work.start { await resume(delivery, stale: stale) }
        }
    }
}
