import Execution
import Synchronization

/// Records what an executor reports as progress.
public final class ProgressLog: ProgressReporter, Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    public func report(_ text: String) async { lines.withLock { $0.append(text) } }

    public var all: [String] { lines.withLock { $0 } }
}
