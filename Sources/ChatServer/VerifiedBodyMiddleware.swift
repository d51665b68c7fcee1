import Foundation
import Hummingbird
import Logging
import PlatformVerification

/// In front of a platform's routes: reads the body within the route's cap and read timeout (413,
/// 408), runs the platform's verifier on the raw bytes and answers a bare 401 before any handler
/// runs. What passes reaches the handler as `context.verifiedBody`. The refusal is logged with its
/// reason; no header value, secret or body is.
public struct VerifiedBodyMiddleware: RouterMiddleware {
    public typealias Context = ChatRequestContext

    /// `Slack`: how the log names the platform.
    let platform: String
    let verifier: any RequestVerifier
    let limits: InboundLimits
    let logger: Logger
    let now: @Sendable () -> Date

    public init(platform: String, verifier: any RequestVerifier, limits: InboundLimits, logger: Logger,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.platform = platform
        self.verifier = verifier
        self.limits = limits
        self.logger = logger
        self.now = now
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let body = try await InboundBody.read(request, limits: limits)
        if let failure = verifier.verify(headers: request.headers, body: body, now: now()) {
            logger.warning("refused a request that is not verifiably from \(platform)",
                           metadata: ["path": "\(request.uri.path)", "reason": "\(failure)"])
            return InboundBody.unauthorized
        }
        var context = context
        context.verified = body
        return try await next(request, context)
    }
}
