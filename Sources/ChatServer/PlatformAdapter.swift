import ChatOpsCore
import Conversation
import Hummingbird

/// One chat platform plugged into the server: its inbound routes and where its replies go.
public protocol PlatformAdapter: Sendable {
    /// `slack`, `discord` or `github`: the `MessageOrigin.platform` it serves.
    var platform: String { get }
    /// Posts replies in this platform's threads (also used for notices after a restart).
    var sink: any ReplySink { get }
    func addRoutes(to router: ChatRouter)
}
