import Foundation
import Logging
import Synchronization

/// Logs as JSON Lines (`CHATOPS_LOG_FORMAT=json`): one object per line with `time` (RFC 3339, UTC,
/// milliseconds), `level`, `label`, `message`, `source` and the metadata as fields, for a log
/// pipeline to index. Lines are written whole, one at a time.
public struct JSONLinesLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLinesLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        var fields: [String: Any] = [:]
        let merged = self.metadata.merging(metadataProvider?.get() ?? [:]) { _, new in new }.merging(explicit ?? [:]) { _, new in new }
        for (key, value) in merged { fields[key] = Self.json(value) }
        fields["time"] = Self.timestamp(Date())
        fields["level"] = level.rawValue
        fields["label"] = label
        fields["message"] = message.description
        fields["source"] = source
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(json)
        case .dictionary(let dictionary): return dictionary.mapValues(json)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.string(from: date)
    }

    private static let lock = Mutex(())

    /// Whole lines to standard error, never interleaved.
    public static let standardError: @Sendable (String) -> Void = { line in
        lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }
}

/// The logger `chatops serve` writes with: text (swift-log's stream format) or JSON Lines.
public enum AppLogging {
    /// `level`: `log_level` when set, else info (the server's log is for its operators).
    public static func logger(format: String?, level: String? = nil) -> Logger {
        var logger = format == "json" ? Logger(label: "chatops", factory: { JSONLinesLogHandler(label: $0) })
            : Logger(label: "chatops", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level.flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// The console commands' logger (`say`, `chat`, …): the conversation is the output, so only
    /// notices and worse unless `CHATOPS_LOG_LEVEL` says otherwise.
    public static func console(environment: [String: String] = ProcessInfo.processInfo.environment) -> Logger {
        var logger = Logger(label: "chatops", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = environment["CHATOPS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        return logger
    }
}
