import ChatOpsTestSupport
import Foundation
import GRDB
import Testing

/// `say`, `requests` and `audit` as a newcomer runs them: the README's example conversation.
@Suite("chatops console and store commands")
struct ConsoleCLITests {
    let cli: FreshStoreCLI

    init() throws {
        cli = try FreshStoreCLI()
    }
    var store: String { cli.store }

    /// The store by `CHATOPS_STORE` here (the crash tests use `--store`).
    func chatops(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessResult {
        try cli.run(args, env: ["CHATOPS_STORE": store].merging(env) { $1 }, stdin: stdin)
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func theReadmeConversationThenRequestsAndAudit() throws {
        let asked = try chatops(["say", "--as", "alice", "deploy v2.3 to prod"])
        #expect(asked.status == 0)
        #expect(asked.stdout.hasPrefix("Request #1: deploy iris-classifier v2.3 to prod needs 1 approval from prod-approvers."))
        let approved = try chatops(["say", "--as", "bob", "approve 1"])
        #expect(approved.stdout.contains("Request #1 (deploy iris-classifier v2.3 to prod) approved by bob."))

        let list = try #require(try json(try chatops(["requests", "list", "--json"]).stdout) as? [[String: Any]])
        #expect(list.count == 1)
        let request = list[0]
        #expect(request["id"] as? Int == 1)
        #expect(request["intent"] as? String == "deploy")
        #expect(request["env"] as? String == "prod")
        #expect(request["requester"] as? String == "alice")
        #expect(request["state"] as? String == "failed")
        #expect((request["slots"] as? [String: Any])?["version"] as? String == "v2.3")
        let transitions = try #require(request["transitions"] as? [[String: Any]])
        #expect(transitions.map { $0["to"] as? String } == ["received", "awaiting_approval", "approved", "executing", "failed"])
        #expect(transitions[2]["from"] as? String == "awaiting_approval")
        #expect(transitions[2]["actor"] as? String == "bob")
        #expect(transitions.allSatisfy { ($0["at"] as? String)?.hasSuffix("Z") == true })

        let waiting = try chatops(["requests", "list", "--state", "awaiting_approval", "--json"])
        #expect(try json(waiting.stdout) as? [Any] != nil)
        #expect(waiting.stdout == "[]\n")

        let verify = try chatops(["audit", "verify"])
        #expect(verify.status == 0)
        let entries = try #require(try json(try chatops(["audit", "export", "--json"]).stdout) as? [[String: Any]])
        #expect(entries.count >= 6)
        #expect(entries.first?["prev_hash"] as? String == String(repeating: "0", count: 64))
        #expect(entries[1]["prev_hash"] as? String == entries[0]["hash"] as? String)
    }

    @Test func auditVerifyFailsOnAnEditedEntry() throws {
        _ = try chatops(["say", "--as", "alice", "deploy v2.3 to prod"])
        let db = try DatabaseQueue(path: store)
        try db.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "UPDATE audit SET actor = 'mallory' WHERE seq = 1")
        }
        try db.close()
        let verify = try chatops(["audit", "verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("audit log BROKEN at entry 1"))
    }

    @Test func mistakesGetClearErrors() throws {
        let noStore = try chatops(["requests", "list"])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("no store at \(store)"))
        _ = try chatops(["say", "--as", "alice", "help"])
        let missing = try chatops(["requests", "show", "42"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no request #42"))
        let badUser = try chatops(["say", "--as", "alice smith", "help"])
        #expect(badUser.status == 64)
        #expect(badUser.stderr.contains("--as takes a user name"))
        let badState = try chatops(["requests", "list", "--state", "pending"])
        #expect(badState.stderr.contains("unknown state 'pending'; states: received, awaiting_approval"))
    }

    @Test func dryRunFromTheEnvironmentPlansOnly() throws {
        _ = try chatops(["say", "--as", "alice", "deploy v2.3 to prod"], env: ["CHATOPS_DRY_RUN": "1"])
        let approved = try chatops(["say", "--as", "bob", "approve 1"], env: ["CHATOPS_DRY_RUN": "1"])
        #expect(approved.stdout.contains("Request #1 succeeded: Dry run: nothing was changed.\n"
                                         + "• would deploy iris-classifier v2.3 to prod — but Argo CD is not configured"))
    }

    @Test func theChatReadsOneMessagePerLineAndSwitchesSpeakers() throws {
        let r = try chatops(["chat", "--as", "alice"], stdin: "restart iris in prod\n:as carol\napprove 1\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Request #1: restart iris-classifier in prod needs 1 approval from prod-approvers."))
        #expect(r.stdout.contains("Request #1 (restart iris-classifier in prod) approved by carol."))
        #expect(r.stdout.contains("Request #1 failed: Kubernetes is not configured (set backends.kubernetes.api_url"))
    }
}
