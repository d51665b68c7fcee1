import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Recording requests and reading them back.
extension SQLiteApprovalStore {
    public func createRequest(_ new: NewRequest, admission: Admission, at: Date) async throws -> StoredRequest {
        try await write("record a new \(new.command.intent.rawValue) request") { tx in
            let received = try tx.insertRequest(new, admission: admission, at: at)
            let event: RequestEvent
            let reason: String
            switch admission {
            case .awaitingApproval(let approvers, let quorum, _):
                event = .admitted(needsApproval: true)
                reason = "needs \(quorum) approval\(quorum == 1 ? "" : "s") from \(approvers ?? "any known user but the requester")"
            case .approved:
                event = .admitted(needsApproval: false)
                reason = "no approval needed"
            case .refused(let why):
                event = .refused
                reason = why
            }
            return try tx.move(received, on: event, actor: "policy", origin: new.origin, reason: reason, at: at).get()
        }
    }

    public func request(id: Int64) async throws -> StoredRequest? {
        try await read("read request #\(id)") { tx in try tx.loadRequest(id) }
    }

    public func requests(states: Set<RequestState>?, limit: Int) async throws -> [StoredRequest] {
        try await read("list requests") { tx in
            guard let states else { return try tx.requests(where: "1", order: "id DESC", limit: limit) }
            guard !states.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: states.count).joined(separator: ", ")
            return try tx.requests(where: "state IN (\(placeholders))", arguments: StatementArguments(states.map(\.rawValue)),
                                   order: "id DESC", limit: limit)
        }
    }

    public func changes(app: String, env: String, since: Date, limit: Int) async throws -> [StoredRequest] {
        let intents = Intent.allCases.filter(\.actsOnTargetSystem).map(\.rawValue)
        let states = [RequestState.approved, .executing, .succeeded, .failed, .interrupted].map(\.rawValue)
        let condition = "env = ? AND created_at >= ? AND dry_run = 0"
            + " AND intent IN (\(Array(repeating: "?", count: intents.count).joined(separator: ", ")))"
            + " AND state IN (\(Array(repeating: "?", count: states.count).joined(separator: ", ")))"
        let arguments = StatementArguments([env, since.millisecondsSince1970] as [any DatabaseValueConvertible])
            + StatementArguments(intents) + StatementArguments(states)
        return try await read("list the changes to \(app) in \(env)") { tx in
            // The app is a slot (JSON): filtered here, over a bounded window of the env's changes.
            try tx.requests(where: condition, arguments: arguments, order: "id DESC", limit: max(limit, 1) * 20)
                .filter { $0.slots["app"]?.stringValue == app }
                .prefix(limit).map { $0 }
        }
    }
}
