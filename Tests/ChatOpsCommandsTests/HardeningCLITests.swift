import ChatOpsTestSupport
import Foundation
import Testing

/// Attacks on the CLI and the configuration from the security review (issue 11).
@Suite("Hardening through the CLI", .serialized)
struct HardeningCLITests {
    let cli: FreshStoreCLI

    init() throws {
        cli = try FreshStoreCLI()
    }

    func chatops(_ args: [String], env: [String: String] = [:]) throws -> ProcessResult {
        try cli.run(args + ["--store", cli.store], env: env)
    }

    /// The example configuration with `edit` applied, written beside the store.
    func configuration(_ edit: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit must change the example configuration")
        return try cli.directory.write("chatops.yaml", edited)
    }

    /// Finding 8: an approval is good for its TTL, not forever. Approved, then the process dies
    /// before running it; the next start, after the TTL, must not run the days-old approval.
    @Test func anApprovalOlderThanItsTTLIsNotRunAfterARestart() throws {
        let config = try configuration { $0.replacingOccurrences(of: "      ttl: 1h", with: "      ttl: 2s") }
        let env = ["CHATOPS_CONFIG": config]
        #expect(try chatops(["say", "--as", "alice", "deploy v2.3 to prod"], env: env).stdout.contains("Request #1"))
        try KillableProcess.runUntil("crashpoint after-approve reached", cli.binary,
                                     ["say", "--as", "bob", "approve 1", "--store", cli.store],
                                     environment: cli.environment(env.merging(["CHATOPS_CRASHPOINT": "after-approve"]) { $1 }),
                                     directory: RepositoryPaths.root.path)
        Thread.sleep(forTimeInterval: 2.5)

        let restart = try chatops(["say", "--as", "carol", "help"], env: env)
        #expect(!restart.stdout.contains("Running request #1"), "\(restart.stdout)")
        #expect(restart.stdout.contains("Request #1 (deploy app=iris-classifier env=prod version=v2.3) expired"), "\(restart.stdout)")
        let show = try chatops(["requests", "show", "1", "--json"], env: env)
        let request = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(request["state"] as? String == "expired")
        #expect(try chatops(["audit", "verify"], env: env).status == 0)
    }

    /// Finding 4: a role in an approver group is refused at load, with the reason.
    @Test func configCheckRefusesARoleInAnApproverGroup() throws {
        let config = try configuration {
            $0.replacingOccurrences(of: "prod-approvers: [bob, carol]", with: "prod-approvers: [bob, carol, discord-role:42]")
        }
        let check = try chatops(["config", "check"], env: ["CHATOPS_CONFIG": config])
        #expect(check.status == 2)
        #expect(check.stderr.contains("approver group 'prod-approvers' lists discord-role:42, which is not an identity"), "\(check.stderr)")
        #expect(check.stderr.contains("chatops.yaml:"), "names the file and line: \(check.stderr)")

        let allowed = try configuration {
            $0.replacingOccurrences(of: "prod-approvers: [bob, carol]", with: "prod-approvers: [bob, carol, discord-role:42]")
                .replacingOccurrences(of: "  unknown_users: none", with: "  unknown_users: none\n  allow_roles_in_approver_groups: true")
        }
        #expect(try chatops(["config", "check"], env: ["CHATOPS_CONFIG": allowed]).status == 0)
    }

    /// Finding 12: a protected environment whose changes name no approvers does not load.
    @Test func configCheckRefusesAProtectedEnvironmentWithoutApprovers() throws {
        let config = try configuration {
            $0.replacingOccurrences(of: "    - intents: [deploy, promote, rollback, sync, scale, restart, retrain, rerun, unfreeze]",
                                    with: "    - intents: [deploy, promote, rollback, sync, restart, retrain, rerun, unfreeze]")
        }
        let check = try chatops(["config", "check"], env: ["CHATOPS_CONFIG": config])
        #expect(check.status == 2)
        #expect(check.stderr.contains("prod is protected, but no policy rule names who approves scale there"), "\(check.stderr)")
    }

    /// Finding 6: the shipped configuration lets a stranger do nothing but ask for help, and what
    /// they asked is not kept.
    @Test func aStrangerCanOnlyAskForHelpAndLeavesNothingBehind() throws {
        let status = try chatops(["say", "--as", "mallory", "status of iris in prod"])
        #expect(status.stdout.contains("you are not in this bot's configuration"), "\(status.stdout)")
        #expect(try chatops(["say", "--as", "mallory", "help"]).stdout.contains("deploy"))
        let list = try chatops(["requests", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stdout.contains("mallory"), "\(list.stdout)")
    }
}
