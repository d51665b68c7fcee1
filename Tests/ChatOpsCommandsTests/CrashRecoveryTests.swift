import ChatOpsTestSupport
import Foundation
import Testing

/// Kills a child `chatops` dead (SIGKILL) at named points of the request flow, then restarts
/// it on the same store: the state must be consistent, an execution cut short must be reported
/// as interrupted and never re-run, and the audit chain must still verify.
@Suite("Crash safety: SIGKILL mid-flow, then restart", .serialized)
struct CrashRecoveryTests {
    let cli: FreshStoreCLI

    init() throws {
        cli = try FreshStoreCLI()
    }

    /// The store by `--store` here (the console tests use `CHATOPS_STORE`).
    func chatops(_ args: [String]) throws -> ProcessResult {
        try cli.run(args + ["--store", cli.store])
    }

    func kill(at point: String, _ args: [String]) throws {
        try KillableProcess.runUntil("crashpoint \(point) reached", cli.binary, args + ["--store", cli.store],
                                     environment: cli.environment(["CHATOPS_CRASHPOINT": point]),
                                     directory: RepositoryPaths.root.path)
    }

    func request(_ id: Int) throws -> [String: Any] {
        let r = try chatops(["requests", "show", String(id), "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func transitions(_ request: [String: Any]) -> [String] {
        (request["transitions"] as? [[String: Any]] ?? []).map { "\($0["from"] as? String ?? "-")>\($0["to"] as? String ?? "?")" }
    }

    func expectAuditIntact() throws {
        let r = try chatops(["audit", "verify"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("audit log intact"))
    }

    @Test(arguments: ["after-claim", "before-finish"])
    func killedWhileExecutingIsInterruptedAndReportedNeverRerun(point: String) throws {
        try kill(at: point, ["say", "--as", "alice", "restart iris in dev"])
        #expect(try request(1)["state"] as? String == "executing")

        let restart = try chatops(["say", "--as", "bob", "help"])
        #expect(restart.stdout.contains("Request #1 (restart app=iris-classifier env=dev) was interrupted"), "\(restart.stdout)")
        let after = try request(1)
        #expect(after["state"] as? String == "interrupted")
        #expect(transitions(after) == ["->received", "received>approved", "approved>executing", "executing>interrupted"])
        #expect((after["transitions"] as? [[String: Any]])?.last?["actor"] as? String == "chatops")
        // Reported once: a second start has nothing to say about it.
        let again = try chatops(["say", "--as", "bob", "help"])
        #expect(!again.stdout.contains("interrupted"))
        try expectAuditIntact()
    }

    @Test func killedAfterTheApprovalResumesTheApprovedRequestOnce() throws {
        #expect(try chatops(["say", "--as", "alice", "deploy v2.3 to prod"]).stdout.contains("Request #1"))
        try kill(at: "after-approve", ["say", "--as", "bob", "approve 1"])
        #expect(try request(1)["state"] as? String == "approved")

        let restart = try chatops(["say", "--as", "carol", "help"])
        #expect(restart.stdout.contains("Running request #1: deploy iris-classifier v2.3 to prod"), "\(restart.stdout)")
        #expect(restart.stdout.contains("Request #1 failed: Argo CD is not configured"))
        let after = try request(1)
        #expect(after["state"] as? String == "failed")
        #expect(transitions(after).filter { $0 == "approved>executing" }.count == 1)
        #expect(!(try chatops(["say", "--as", "carol", "help"]).stdout.contains("Request #1")))
        try expectAuditIntact()
    }

    @Test func killedRightAfterTheRequestWasRecordedLeavesItWaitingForApproval() throws {
        try kill(at: "after-create", ["say", "--as", "alice", "deploy v2.3 to prod"])
        let waiting = try request(1)
        #expect(waiting["state"] as? String == "awaiting_approval")
        #expect(waiting["requester"] as? String == "alice")
        let approved = try chatops(["say", "--as", "bob", "approve 1"])
        #expect(approved.stdout.contains("Request #1 (deploy iris-classifier v2.3 to prod) approved by bob."))
        #expect(try request(1)["state"] as? String == "failed")
        try expectAuditIntact()
    }
}
