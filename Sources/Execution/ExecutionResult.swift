import ReplyModel

/// What an executor produced: the reply to show in the thread, and whether it worked.
public struct ExecutionResult: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case succeeded, failed
    }

    public let outcome: Outcome
    /// Rendered by each platform: tables for pods, code blocks for logs, a status line for apps.
    public let reply: Reply
    /// What the executor found, as named values for the bot's own use: a triage's failure type,
    /// job and step title a pipeline failure's thread.
    public var facts: [String: String] = [:]

    public init(outcome: Outcome, reply: Reply) {
        self.outcome = outcome
        self.reply = reply
    }

    public static func succeeded(_ text: String) -> ExecutionResult { .init(outcome: .succeeded, reply: .text(text, severity: .success)) }
    public static func failed(_ text: String) -> ExecutionResult { .init(outcome: .failed, reply: .text(text, severity: .failure)) }
    public static func succeeded(_ reply: Reply) -> ExecutionResult { .init(outcome: .succeeded, reply: reply) }
    public static func failed(_ reply: Reply) -> ExecutionResult { .init(outcome: .failed, reply: reply) }

    /// The reply as plain text: what the store keeps as the request's result.
    public var text: String { PlainTextRenderer.render(reply) }

    public var isSuccess: Bool { outcome == .succeeded }
}

/// Where an executor posts progress while it works ("syncing…", "3/5 pods ready").
public protocol ProgressReporter: Sendable {
    func report(_ text: String) async
}
