import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

/// Races that must have exactly one winner: completing a quorum and claiming for execution,
/// within one process and across several processes sharing one file.
@Suite("Exactly once")
struct ExactlyOnceTests {
    static let racers = 100

    @Test func oneOfAHundredApproversCompletesTheQuorumAndOneClaimRuns() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        try await Self.race(on: [store])
    }

    @Test func oneWinnerAcrossFourStoresOnOneFile() async throws {
        let (dir, path, first) = try Fixture.fileStore()
        let stores = [first] + (try (1..<4).map { _ in try SQLiteApprovalStore(path: path) })
        try await Self.race(on: stores)
        withExtendedLifetime(dir) {}
    }

    @Test func theSameApproverAHundredTimesCountsOnce() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let request = try await store.createRequest(Fixture.request(), admission: Fixture.awaiting(quorum: 2), at: Fixture.t0)

        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<Self.racers {
                group.addTask {
                    (try? await store.approve(id: request.id, approver: "bob", origin: nil, at: Fixture.at(1)))?.name ?? "error"
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }

        #expect(outcomes.tally == ["recorded": 1, "alreadyApproved": Self.racers - 1])
        let after = try #require(try await store.request(id: request.id))
        #expect(after.state == .awaitingApproval)
        #expect(after.approvals.map(\.approver) == ["bob"])
    }

    /// 100 different approvers on a quorum of 1, then 100 claims, each task on `stores[i % count]`.
    static func race(on stores: [SQLiteApprovalStore]) async throws {
        let request = try await stores[0].createRequest(Fixture.request(), admission: Fixture.awaiting(quorum: 1), at: Fixture.t0)

        let approvals = await withTaskGroup(of: String.self) { group in
            for i in 0..<racers {
                group.addTask {
                    let store = stores[i % stores.count]
                    do {
                        return try await store.approve(id: request.id, approver: "approver-\(i)", origin: nil, at: Fixture.at(1)).name
                    } catch {
                        return "error: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(approvals.tally == ["quorumReached": 1, "notAwaitingApproval": racers - 1])

        let claims = await withTaskGroup(of: String.self) { group in
            for i in 0..<racers {
                group.addTask {
                    let store = stores[i % stores.count]
                    do {
                        return try await store.claimForExecution(id: request.id, owner: ExecutionOwner(host: "h", pid: Int32(i)),
                                                                 leaseUntil: Fixture.at(60), at: Fixture.at(2)).name
                    } catch {
                        return "error: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(claims.tally == ["claimed": 1, "notApproved": racers - 1])

        let after = try #require(try await stores[0].request(id: request.id))
        #expect(after.state == .executing)
        #expect(after.approvals.count == 1)
        #expect(moves(after).filter { $0.hasPrefix("awaiting_approval→approved") }.count == 1)
        #expect(moves(after).filter { $0.hasPrefix("approved→executing") }.count == 1)
        #expect(after.transitions.count == 4)
        #expect(try await stores[0].verifyAudit() == .intact(entries: 5))
    }
}
