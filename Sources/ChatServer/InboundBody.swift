import Hummingbird
import NIOCore

/// How much a platform may send and how long it may take: a webhook is small and quick, so a
/// large or slow one is refused before anyone parses it.
public struct InboundLimits: Sendable {
    public var maxBodyBytes: Int
    public var readTimeout: Duration

    public init(maxBodyBytes: Int = 512 * 1024, readTimeout: Duration = .seconds(10)) {
        self.maxBodyBytes = maxBodyBytes
        self.readTimeout = readTimeout
    }
}

public enum InboundBody {
    /// The whole body as bytes: 413 beyond the cap, 408 when the client is too slow to send it.
    public static func read(_ request: Request, limits: InboundLimits) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limits.maxBodyBytes {
            throw HTTPError(.contentTooLarge)
        }
        let body = request.body
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limits.maxBodyBytes) }
            group.addTask {
                try await Task.sleep(for: limits.readTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPError(.requestTimeout) }
            return buffer
        }
        return Array(buffer.readableBytesView)
    }

    /// What every failed signature check gets: a bare 401, nothing said about why.
    public static var unauthorized: Response { Response(status: .unauthorized) }

    /// A JSON answer.
    public static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension Request {
    /// A header's value by name (`X-Slack-Signature`), nil when absent.
    public func header(_ name: String) -> String? {
        guard let field = HTTPFields.Element.Name(name) else { return nil }
        return headers[field]
    }
}
