import Approvals
import ChatOpsCore
import Execution
import Foundation

/// A request's notes, kept in the store beside it: what an executor records survives a crash
/// and is there when the request is attempted again.
struct StoredRequestNotes: RequestNotes {
    let store: any ApprovalStore
    let requestID: Int64
    let now: @Sendable () -> Date

    func note(_ key: String) async throws -> String? {
        try await store.executionNote(requestID: requestID, key: key)
    }

    func record(_ key: String, _ value: String) async throws {
        try await store.recordExecutionNote(requestID: requestID, key: key, value: value, at: now())
    }
}
