import ChatOpsMetrics
import Hummingbird

/// Times every inbound platform request (`POST /slack/…`, `/discord/…`, `/github/…`,
/// `/alertmanager`), verification and refusals included, as
/// `chatops_webhook_duration_seconds{platform}`. Probes and `/metrics` are not webhooks.
struct WebhookTimingMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The platforms served: their names are the first path segment of their routes.
    let platforms: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        let first = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
        let platform = platforms.contains(first) ? first : "other"
        let started = ContinuousClock.now
        defer {
            let took = ContinuousClock.now - started
            BotMetrics.webhook(platform: platform,
                               nanoseconds: took.components.seconds * 1_000_000_000 + took.components.attoseconds / 1_000_000_000)
        }
        return try await next(request, context)
    }
}
