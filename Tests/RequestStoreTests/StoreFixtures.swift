import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore

/// Shared values for the store tests: a fixed clock, typical requests, and outcome names that
/// make counting the results of a race easy to read.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_750_000_000)
    static let slack = MessageOrigin(platform: "slack", channel: "C0123", thread: "1750000000.000100",
                                     messageID: "1750000000.000100")
    static let owner = ExecutionOwner(host: "h", pid: 123)

    static func request(_ intent: Intent = .deploy, env: String = "prod", requester: String = "alice",
                        extra: [String: SlotValue] = ["app": .string("iris-classifier"), "version": .string("v2.3")],
                        origin: MessageOrigin = slack, dryRun: Bool = false) -> NewRequest {
        var slots = extra
        slots["env"] = .string(env)
        let text = ([intent.rawValue] + slots.keys.sorted().map { "\(slots[$0]!)" }).joined(separator: " ")
        return NewRequest(command: ParsedCommand(intent: intent, slots: slots, source: .rule, ruleID: nil),
                          requester: requester, origin: origin, text: text, isDryRun: dryRun)
    }

    static func awaiting(quorum: Int = 1, approvers: String? = "prod-approvers", ttl: TimeInterval = 3600) -> Admission {
        .awaitingApproval(approvers: approvers, quorum: quorum, expiresAt: t0.addingTimeInterval(ttl))
    }

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    /// A store in a fresh folder, with the folder kept alive as long as the test holds it.
    static func fileStore() throws -> (TemporaryDirectory, String, SQLiteApprovalStore) {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/chatops.db"
        return (dir, path, try SQLiteApprovalStore(path: path))
    }
}

/// `from→to by actor`: transitions as one comparable line each.
func moves(_ request: StoredRequest?) -> [String] {
    (request?.transitions ?? []).map { "\($0.from?.rawValue ?? "nil")→\($0.to.rawValue) by \($0.actor)" }
}

extension ApprovalOutcome {
    var name: String {
        switch self {
        case .recorded: return "recorded"
        case .quorumReached: return "quorumReached"
        case .alreadyApproved: return "alreadyApproved"
        case .notAwaitingApproval: return "notAwaitingApproval"
        case .notFound: return "notFound"
        }
    }
}

extension ClaimOutcome {
    var name: String {
        switch self {
        case .claimed: return "claimed"
        case .frozen: return "frozen"
        case .notApproved: return "notApproved"
        case .expired: return "expired"
        case .notFound: return "notFound"
        }
    }

    var request: StoredRequest? {
        switch self {
        case .claimed(let r), .frozen(let r, _), .notApproved(let r), .expired(let r): return r
        case .notFound: return nil
        }
    }
}

extension Array where Element: Hashable {
    /// How many times each element occurs: `["a": 1, "b": 99]`.
    var tally: [Element: Int] { reduce(into: [:]) { $0[$1, default: 0] += 1 } }
}
