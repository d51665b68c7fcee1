import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

@Suite("Store files")
struct PersistenceTests {
    @Test func aReopenedStoreHasEverything() async throws {
        let (dir, path, store) = try Fixture.fileStore()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(), at: Fixture.t0)
        _ = try await store.approve(id: request.id, approver: "bob", origin: Fixture.slack, at: Fixture.at(1))
        _ = try await store.freeze(env: "staging", by: "carol", reason: nil, origin: nil, at: Fixture.at(2))

        let reopened = try SQLiteApprovalStore(path: path)
        let read = try #require(try await reopened.request(id: request.id))
        #expect(read.state == .approved)
        #expect(moves(read) == ["nil→received by alice", "received→awaiting_approval by policy",
                                "awaiting_approval→approved by bob"])
        #expect(read.approvals == [ApprovalRecord(approver: "bob", at: Fixture.at(1), origin: Fixture.slack)])
        #expect(try await reopened.freezes().map(\.env) == ["staging"])
        #expect(try await reopened.verifyAudit() == .intact(entries: 5))
        withExtendedLifetime(dir) {}
    }

    @Test func anUnopenableFileIsReportedWithItsPathAndWhatToCheck() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/no/such/folder/chatops.db"
        let error = #expect(throws: StoreError.self) { try SQLiteApprovalStore(path: path) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("cannot open the store at \(path): "))
        #expect(message.hasSuffix("; check the path (--store, CHATOPS_STORE or store.path) and that its folder is writable"))
    }
}
