import Hummingbird
import Synchronization

/// Caps on what unauthenticated senders can make the server hold before any signature is
/// checked: open connections, and bytes of request bodies buffered across all requests. Past
/// either, a request is answered 503 with `Retry-After` and its body is never buffered.
public final class InboundGate: Sendable {
    public let maxConnections: Int
    public let maxBufferedBytes: Int
    /// What a request without a Content-Length is assumed to need (the largest route cap).
    public let undeclaredBodyBytes: Int
    /// Seconds a refused sender is told to wait.
    public static let retryAfter = "1"

    private let state = Mutex(State())

    struct State {
        var connections = 0
        var bufferedBytes = 0
    }

    /// How long a request may take to arrive whole after its head (`BodyDeadlineHandler`).
    public let bodyReadTimeout: Duration

    public init(maxConnections: Int = 256, maxBufferedBytes: Int = 8 << 20, undeclaredBodyBytes: Int = 512 * 1024,
                bodyReadTimeout: Duration = .seconds(10)) {
        self.bodyReadTimeout = bodyReadTimeout
        self.maxConnections = max(1, maxConnections)
        self.maxBufferedBytes = max(1, maxBufferedBytes)
        self.undeclaredBodyBytes = undeclaredBodyBytes
    }

    /// Counts a new connection; false when the cap is reached (the connection is refused).
    func openConnection() -> Bool {
        state.withLock { state in
            guard state.connections < maxConnections else { return false }
            state.connections += 1
            return true
        }
    }

    func closeConnection() {
        state.withLock { $0.connections -= 1 }
    }

    /// Reserves room for a body of `bytes`; false when the budget cannot take it now.
    func reserve(_ bytes: Int) -> Bool {
        state.withLock { state in
            guard state.bufferedBytes + bytes <= maxBufferedBytes else { return false }
            state.bufferedBytes += bytes
            return true
        }
    }

    func release(_ bytes: Int) {
        state.withLock { $0.bufferedBytes -= bytes }
    }

    public var openConnections: Int { state.withLock { $0.connections } }
    public var reservedBytes: Int { state.withLock { $0.bufferedBytes } }

    static var busy: Response {
        Response(status: .serviceUnavailable, headers: [.retryAfter: retryAfter, .contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: .init(string: "busy: too many requests in flight; retry shortly\n")))
    }
}

/// Reserves a request's body in the gate's byte budget for as long as it is handled, or answers
/// 503 at once when the budget is spent. A declared Content-Length is what is reserved (a larger
/// body is refused by the route's own cap); without one, the largest route cap is.
struct BodyBudgetMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: InboundGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch else {
            return try await next(request, context)
        }
        let declared = request.headers[.contentLength].flatMap(Int.init)
        let bytes = min(max(declared ?? gate.undeclaredBodyBytes, 0), gate.undeclaredBodyBytes)
        guard gate.reserve(bytes) else { return InboundGate.busy }
        defer { gate.release(bytes) }
        return try await next(request, context)
    }
}
