import Hummingbird
import HummingbirdTesting

/// HummingbirdTesting's `app.test(setup)` held open for a test that starts, acts and stops: the
/// test closure hands its client out and waits until `close`, which ends it; the application then
/// shuts down gracefully (its services drain the work already acknowledged).
final class TestSession: Sendable {
    private let release: AsyncStream<Void>.Continuation
    private let task: Task<Void, any Error>

    private init(release: AsyncStream<Void>.Continuation, task: Task<Void, any Error>) {
        self.release = release
        self.task = task
    }

    static func open<App: ApplicationProtocol>(_ app: App, setup: TestingSetup) async throws -> (TestSession, any TestClientProtocol) {
        let (clients, handOut) = AsyncStream.makeStream(of: (any TestClientProtocol).self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            defer { handOut.finish() }
            try await app.test(setup) { client in
                handOut.yield(client)
                for await _ in released {}
            }
        }
        var iterator = clients.makeAsyncIterator()
        guard let client = await iterator.next() else {
            try await task.value
            throw HarnessError("the application ended before its test client was ready")
        }
        return (TestSession(release: release, task: task), client)
    }

    /// Ends the test closure and waits for the application to stop. Safe to call more than once.
    func close() async {
        release.finish()
        _ = try? await task.value
    }
}

/// A harness that could not do what a test asked.
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
