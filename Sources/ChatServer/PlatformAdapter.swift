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
}

extension PlatformAdapter {
    public var starter: (any ThreadStarter)? { nil }
    public var services: [any Service] { [] }
    /// An adapter that stores no work has nothing to resume.
    public func resume(_ delivery: PendingDelivery, stale: Bool) async {}
}
