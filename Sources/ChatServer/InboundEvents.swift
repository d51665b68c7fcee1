import Hummingbird
import Synchronization

/// Deliveries a platform receives and verifies that another module acts on: a GitHub
/// `workflow_run` (verified by the GitHub webhook's signature) opens a pipeline-failure incident.
/// The module that acts registers for the platform and event; the platform hands each verified
/// delivery of that event over and answers what the handler answers.
public final class InboundEvents: Sendable {
    /// The verified body and the platform's delivery id; the answer to send back.
    public typealias Handler = @Sendable (_ body: [UInt8], _ delivery: String?) async -> Response

    private let handlers = Mutex<[String: Handler]>([:])

    public init() {}

    /// Makes `handler` act on `platform`'s `event` (the first registration wins).
    public func register(platform: String, event: String, _ handler: @escaping Handler) {
        handlers.withLock { if $0["\(platform):\(event)"] == nil { $0["\(platform):\(event)"] = handler } }
    }

    /// The handler of `platform`'s `event`, when a module registered one.
    public func handler(platform: String, event: String) -> Handler? {
        handlers.withLock { $0["\(platform):\(event)"] }
    }
}
