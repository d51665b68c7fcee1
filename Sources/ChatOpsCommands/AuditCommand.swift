import Approvals
import ArgumentParser
import ChatOpsCore
import Foundation

/// `chatops audit verify|export`: the append-only, hash-chained log of everything the bot decided.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or export the hash-chained audit log.",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self]
    )
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every entry's hash and the chain between them; exit 1 if an entry was edited or deleted."
    )

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let configuration = try setup.loadConfiguration()
            let store = try setup.openExistingStore(configuration)
            switch try await store.verifyAudit() {
            case .intact(let entries):
                print("audit log intact: \(entries) entries, every hash and link checks out (\(setup.storePath(configuration)))")
            case .broken(let seq, let reason):
                Console.error("audit log BROKEN at entry \(seq): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}

struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print every audit entry, oldest first.")

    @Flag(name: .long, help: "A JSON array of entries {seq, at, actor, action, request_id, detail, prev_hash, hash}.")
    var json = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let store = try setup.openExistingStore(try setup.loadConfiguration())
            let entries = try await store.auditEntries()
            if json {
                print("[" + entries.map(RequestJSON.audit).joined(separator: ",") + "]")
            } else {
                for e in entries {
                    print("\(e.seq)  \(RequestText.stamp(e.at))  \(e.actor)  \(e.action)"
                          + (e.requestID.map { "  #\($0)" } ?? "") + "  \(e.detail)  \(e.hash.prefix(12))")
                }
            }
        }
    }
}
