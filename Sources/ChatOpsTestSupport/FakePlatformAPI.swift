import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A request as a fake platform API received it.
public struct RecordedRequest: Sendable {
    public let method: String
    public let path: String
    public let query: String
    /// Header names lowercased.
    public let headers: [String: String]
    public let body: [UInt8]

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (nil when it is not one).
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the fake answers.
public struct FakeResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> FakeResponse {
        FakeResponse(status: status, headers: headers.merging(["Content-Type": "application/json; charset=utf-8"]) { a, _ in a },
                     body: Array(text.utf8))
    }
}

/// An in-process HTTP server on 127.0.0.1 (port 0) standing in for a platform's API: it records
/// every request and answers through `respond`, which tests write from captured payloads.
public final class FakePlatformAPI: Sendable {
    public typealias Respond = @Sendable (RecordedRequest) async -> FakeResponse

    public let port: Int
    private let box: RecordBox
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public var requests: [RecordedRequest] { box.requests.withLock { $0 } }

    private init(port: Int, box: RecordBox, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.box = box
        self.group = group
        self.task = task
    }

    public static func start(_ respond: @escaping Respond) async throws -> FakePlatformAPI {
        let box = RecordBox()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let body = try await request.body.collect(upTo: 16 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let recorded = RecordedRequest(method: request.method.rawValue, path: request.uri.path,
                                           query: request.uri.query ?? "", headers: headers,
                                           body: Array(body.readableBytesView))
            box.requests.withLock { $0.append(recorded) }
            let answer = await respond(recorded)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let field = HTTPFields.Element.Name(name) { fields[field] = value }
            }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "fake-platform-api")
        logger.logLevel = .warning
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw FakeAPIError.didNotStart }
        return FakePlatformAPI(port: port, box: box, group: group, task: task)
    }

    /// Waits until at least `count` requests arrived (the bot works asynchronously after its ack).
    public func waitForRequests(_ count: Int, timeout: Duration = .seconds(10)) async throws -> [RecordedRequest] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let seen = requests
            if seen.count >= count { return seen }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw FakeAPIError.timedOut(expected: count, received: requests)
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// Holds the recording until the fake exists (the responder is built before the server starts).
private final class RecordBox: Sendable {
    let requests = Mutex<[RecordedRequest]>([])
}

public enum FakeAPIError: Error, CustomStringConvertible {
    case didNotStart
    case timedOut(expected: Int, received: [RecordedRequest])

    public var description: String {
        switch self {
        case .didNotStart: return "the fake API did not start"
        case .timedOut(let expected, let received):
            return "expected \(expected) requests, received \(received.count): "
                + received.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
        }
    }
}
