import Hummingbird
import NIOCore

/// How much a platform may send: a webhook is small, so a large one is refused before anyone
/// parses it. (How long it may take to arrive is the server's `InboundGate.bodyReadTimeout`.)
public struct InboundLimits: Sendable {
    public var maxBodyBytes: Int

    public init(maxBodyBytes: Int = 512 * 1024) {
        self.maxBodyBytes = maxBodyBytes
    }
}

public enum InboundBody {
    /// The whole body as bytes: 413 beyond the cap. A client too slow to send it is answered 408
    /// by the connection's `BodyDeadlineHandler`, which ends this read.
    public static func read(_ request: Request, limits: InboundLimits) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limits.maxBodyBytes {
            throw HTTPError(.contentTooLarge)
        }
        let buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
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
