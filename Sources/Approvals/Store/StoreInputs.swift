import ChatOpsCore
import Foundation

/// A request to record: the validated command and where it came from.
public struct NewRequest: Sendable, Hashable {
    public var command: ParsedCommand
    public var requester: String
    public var origin: MessageOrigin
    public var text: String
    public var isDryRun: Bool
    /// The environment it acts in: the `env` slot, or where the command's effect lands when it
    /// names none (retrain: the environment its pipeline trains for). Freezes look at it.
    public var env: String?
    /// Execution notes recorded with the request, in its transaction (key → value): the inbound
    /// request's id, how the command was inferred.
    public var notes: [String: String]
    /// The inbound delivery it came from: its stored work is consumed in the request's
    /// transaction, so a restart never resumes the delivery into a second request.
    public var delivery: DeliveryKey?

    public init(command: ParsedCommand, requester: String, origin: MessageOrigin, text: String, isDryRun: Bool,
                env: String? = nil, notes: [String: String] = [:], delivery: DeliveryKey? = nil) {
        self.command = command
        self.requester = requester
        self.origin = origin
        self.text = text
        self.isDryRun = isDryRun
        self.env = env ?? command.slots["env"]?.stringValue
        self.notes = notes
        self.delivery = delivery
    }
}

/// A platform's delivery: `slack` and the trigger or event id.
public struct DeliveryKey: Sendable, Hashable {
    public let platform: String
    public let id: String

    public init(platform: String, id: String) {
        self.platform = platform
        self.id = id
    }
}

/// What policy decided about a new request, in the store's terms.
public enum Admission: Sendable, Hashable {
    /// Needs approval: stored as `awaiting_approval`.
    case awaitingApproval(approvers: String?, quorum: Int, expiresAt: Date)
    /// May run now: stored as `approved` (the caller then claims it).
    case approved
    /// Policy refused it: stored as `denied`, actor `policy`, with the reason.
    case refused(reason: String)
}

/// The process that runs a request: start-up recovery only touches requests of dead owners
/// (same host, process gone) or whose lease ran out.
public struct ExecutionOwner: Sendable, Hashable {
    public let host: String
    public let pid: Int32

    public init(host: String, pid: Int32) {
        self.host = host
        self.pid = pid
    }

    public static var current: ExecutionOwner {
        ExecutionOwner(host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier)
    }
}
