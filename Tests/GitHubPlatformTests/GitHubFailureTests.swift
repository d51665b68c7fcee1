import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
@testable import RequestStore
import Testing

/// A failing command is answered in the thread with a reference; what failed (store path, SQLite
/// message) goes to the log under the same reference, not to everyone who can read the issue.
/// A comment the store cannot take is not acknowledged: GitHub hears 500 (listed as a failed
/// delivery, to redeliver), and the issue hears that nothing was done.
@Suite("GitHub failure replies", .serialized)
struct GitHubFailureTests {
    @Test("when the store cannot write, the comment carries a reference and no path or SQL; the log has both")
    func storeFails() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("chatops.db").path
        let store = try SQLiteApprovalStore(path: path)
        let log = CapturedLog()
        let server = try await GitHubTestServer.start(store: store, logger: log.logger)
        defer { Task { await server.stop() } }
        // The store's file turns read-only under the running bot (as on a remounted or full disk).
        try await store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }

        let answer = try await server.deliverReading(try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice"))
        #expect(answer.status == 500)
        #expect(answer.text.contains("could not record this comment") && answer.text.contains("redeliver"))
        _ = try await server.waitForCalls(1)
        let reply = try #require(server.postedComments.first)
        let reference = try #require(reply.firstMatch(of: /chatops-[0-9a-f]{8}/).map { String($0.output) })
        #expect(reply.hasPrefix("> /deploy iris-classifier v2.3 to staging\n\n❌ chatops could not record this, so it did not act on it "
                                + "(reference \(reference) in its log)"))
        for secret in [path, folder.path, "readonly", "store", "SQL", "delivery"] {
            #expect(!reply.contains(secret))
        }
        let entry = try #require(log.lines.first { $0.contains("reference=\(reference)") })
        #expect(entry.contains("could not record a GitHub delivery"))
        #expect(entry.contains(path))
        #expect(entry.contains("readonly"))
        #expect(server.deployer.executed.isEmpty)
    }
}
