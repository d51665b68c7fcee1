import Logging
import Synchronization

/// Everything logged through `logger`, one line per entry with its metadata, for tests that check
/// what the operator is told.
public final class CapturedLog: Sendable {
    private let entries = Mutex<[String]>([])

    public init() {}

    public var lines: [String] { entries.withLock { $0 } }

    public var logger: Logger {
        Logger(label: "captured") { _ in Handler(capture: self) }
    }

    func append(_ line: String) { entries.withLock { $0.append(line) } }

    struct Handler: LogHandler {
        let capture: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(fields)")
        }
    }
}
