import Hummingbird

/// The context every chatops route gets: Hummingbird's own, plus the body `VerifiedBodyMiddleware`
/// read and believed, so a handler never reads or checks the body itself.
public struct ChatRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var verified: [UInt8]?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The raw body, within the route's cap and verified as the platform's. A route without
    /// `VerifiedBodyMiddleware` in front has none: that is a wiring mistake, answered 500.
    public var verifiedBody: [UInt8] {
        get throws {
            guard let verified else { throw HTTPError(.internalServerError) }
            return verified
        }
    }
}

public typealias ChatRouter = Router<ChatRequestContext>
