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
}

extension PlatformAdapter {
    public var starter: (any ThreadStarter)? { nil }
    public var services: [any Service] { [] }
}
