import ChatOpsCore

/// What an executor gets: the validated command and where it came from.
public struct ExecutionInput: Sendable, Hashable {
    /// The request being executed (every command is recorded as one).
    public let requestID: Int64?
    public let command: ParsedCommand
    /// The requester's identity name.
    public let requester: String
    /// Channel id or `owner/repo`, for per-channel defaults.
    public let channel: String?
    /// Mutating executors must only plan.
    public let isDryRun: Bool
    /// Who approved the request, in order (empty when it needed no approval): GitOps commit
    /// messages name them.
    public let approvers: [String]
    /// What earlier attempts of this request recorded (kept with the request in the store).
    public let notes: any RequestNotes

    public init(requestID: Int64?, command: ParsedCommand, requester: String, channel: String?, isDryRun: Bool,
                approvers: [String] = [], notes: any RequestNotes = MemoryNotes()) {
        self.requestID = requestID
        self.command = command
        self.requester = requester
        self.channel = channel
        self.isDryRun = isDryRun
        self.approvers = approvers
        self.notes = notes
    }

    /// Equal when they describe the same command for the same request; the notes are where it
    /// keeps state, not part of what it is.
    public static func == (lhs: ExecutionInput, rhs: ExecutionInput) -> Bool {
        lhs.requestID == rhs.requestID && lhs.command == rhs.command && lhs.requester == rhs.requester
            && lhs.channel == rhs.channel && lhs.isDryRun == rhs.isDryRun && lhs.approvers == rhs.approvers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(requestID)
        hasher.combine(command)
        hasher.combine(requester)
        hasher.combine(channel)
        hasher.combine(isDryRun)
        hasher.combine(approvers)
    }

    public var intent: Intent { command.intent }

    public func string(_ slot: String) -> String? { command.slots[slot]?.stringValue }
    public func integer(_ slot: String) -> Int? { command.slots[slot]?.integerValue }
}
