import ChatOpsTestSupport
import Foundation
import GRDB
import Testing

/// A hash chain cannot show that its newest entries were cut off; a head recorded elsewhere can.
/// Each append logs `audit head` with its sequence number and hash; `audit verify --head SEQ:HASH`
/// checks the log still reaches that head, unchanged.
@Suite("the audit chain's head, recorded outside the store")
struct AuditHeadCLITests {
    @Test("the logged head verifies; cutting the newest entries (the chain still intact) or rewriting one is caught")
    func head() throws {
        let cli = try FreshStoreCLI()
        _ = try cli.run(["say", "--as", "alice", "--store", cli.store, "freeze prod"])
        let said = try cli.run(["say", "--as", "alice", "--store", cli.store, "deploy v2.3 to prod"], env: ["CHATOPS_LOG_LEVEL": "info"])
        let heads = said.stderr.matches(of: /audit_hash=([0-9a-f]{64}) audit_seq=([0-9]+) \[ChatOpsApp\] audit head/)
            .map { (seq: String($0.2), hash: String($0.1)) }
        let head = try #require(heads.last, "each append logs the head: \(said.stderr)")
        #expect(heads.count >= 2)
        #expect(zip(heads, heads.dropFirst()).allSatisfy { Int($0.seq)! + 1 == Int($1.seq)! }, "one line per append, in order")

        let good = try cli.run(["audit", "verify", "--head", "\(head.seq):\(head.hash)", "--store", cli.store])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("head \(head.seq):\(head.hash.prefix(12))… is in the log, with 0 entries after it"))

        let wrong = String(repeating: "0", count: 64)
        let rewritten = try cli.run(["audit", "verify", "--head", "\(head.seq):\(wrong)", "--store", cli.store])
        #expect(rewritten.status == 1)
        #expect(rewritten.stderr.contains("audit log REWRITTEN: entry \(head.seq)'s hash is \(head.hash)"))

        // Someone with the file removes the newest request and everything about it, its audit
        // entries included: what is left is still a valid chain.
        let db = try DatabaseQueue(path: cli.store)
        let kept = try db.write { db -> Int64 in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM requests")!
            for table in ["approvals", "transitions", "execution_notes", "prompt_messages", "notices"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE request_id = ?", arguments: [newest])
            }
            try db.execute(sql: "DELETE FROM audit WHERE request_id = ?", arguments: [newest])
            try db.execute(sql: "DELETE FROM requests WHERE id = ?", arguments: [newest])
            return try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM audit")!
        }
        try db.close()
        let intact = try cli.run(["audit", "verify", "--store", cli.store])
        #expect(intact.status == 0, "a cut chain is still a valid chain: \(intact.stderr)")
        let cut = try cli.run(["audit", "verify", "--head", "\(head.seq):\(head.hash)", "--store", cli.store])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("audit log CUT: it ends at entry \(kept), but entry \(head.seq) was recorded as its head"),
                "\(cut.stderr)")

        let malformed = try cli.run(["audit", "verify", "--head", "twelve", "--store", cli.store])
        #expect(malformed.status != 0 && malformed.stderr.contains("--head is SEQ:HASH"))
    }
}
