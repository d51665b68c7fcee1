/// What an executor produced: the text to show in the thread, and whether it worked.
public struct ExecutionResult: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case succeeded, failed
    }

    public let outcome: Outcome
    /// Rendered for chat: the same text on every platform.
    public let text: String

    public init(outcome: Outcome, text: String) {
        self.outcome = outcome
        self.text = text
    }

    public static func succeeded(_ text: String) -> ExecutionResult { .init(outcome: .succeeded, text: text) }
    public static func failed(_ text: String) -> ExecutionResult { .init(outcome: .failed, text: text) }

    public var isSuccess: Bool { outcome == .succeeded }
}

/// Where an executor posts progress while it works ("syncing…", "3/5 pods ready").
public protocol ProgressReporter: Sendable {
    func report(_ text: String) async
}
