import Conversation
import ReplyModel
import RequestStore

/// One sink for the whole server: each reply goes to the adapter of its origin's platform
/// (notices after a restart and expiry reports come from the store with only an origin).
public struct PlatformSinks: ReplySink {
    let sinks: [String: any ReplySink]

    public init(_ adapters: [any PlatformAdapter]) {
        sinks = Dictionary(adapters.map { ($0.platform, $0.sink) }, uniquingKeysWith: { first, _ in first })
    }

    public func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        await sinks[origin.platform]?.send(reply, to: origin)
    }

    public func update(_ posted: MessageOrigin, with reply: Reply) async {
        await sinks[posted.platform]?.update(posted, with: reply)
    }
}
