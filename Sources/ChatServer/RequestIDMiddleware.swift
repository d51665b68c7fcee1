import ChatOpsCore
import HTTPTypes
import Hummingbird

/// Gives every inbound request an id (`RequestID.current` for its task and the work it starts)
/// and answers it in `X-Request-Id`, so a platform's delivery log and the bot's log meet.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = RequestID.accepted(request.headers[Self.header]) ?? RequestID.make()
        var response = try await RequestID.$current.withValue(id) { try await next(request, context) }
        response.headers[Self.header] = id
        return response
    }
}
