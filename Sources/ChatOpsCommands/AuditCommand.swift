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

    @Option(name: .long, help: "A head recorded elsewhere (the `audit head` log line): SEQ:HASH. Fails if the log no longer reaches it.")
    var head: String?

    @OptionGroup var setup: SetupOptions

    func validate() throws {
        if let head, AuditHead(head) == nil {
            throw ValidationError("--head is SEQ:HASH, as the `audit head` log line gives it (e.g. 42:9f86d081…), not '\(head)'")
        }
    }

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
            if let head = head.flatMap(AuditHead.init) {
                let entries = try await store.auditEntries()
                switch head.check(against: entries) {
                case .success(let message): print(message)
                case .failure(let problem):
                    Console.error(problem.description)
                    throw ExitCode(1)
                }
            }
        }
    }
}

/// A chain head recorded outside the store (`SEQ:HASH`), and whether the log still reaches it.
struct AuditHead {
    let seq: Int64
    let hash: String

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].wholeMatch(of: /[0-9a-f]{64}/) != nil else { return nil }
        self.seq = seq
        self.hash = parts[1]
    }

    struct Problem: Error, CustomStringConvertible { let description: String }

    func check(against entries: [AuditEntry]) -> Result<String, Problem> {
        guard let last = entries.last else {
            return .failure(Problem(description: "audit log CUT: it is empty, but entry \(seq) was recorded as its head"))
        }
        if seq > last.seq {
            return .failure(Problem(description: "audit log CUT: it ends at entry \(last.seq), but entry \(seq) was recorded as its head "
                                    + "(\(seq - last.seq) newest entr\(seq - last.seq == 1 ? "y is" : "ies are") missing)"))
        }
        guard let entry = entries.first(where: { $0.seq == seq }) else {
            return .failure(Problem(description: "entry \(seq) was pruned by the retention (the log starts at entry \(entries[0].seq)): "
                                    + "that head cannot be checked; check a newer one"))
        }
        guard entry.hash == hash else {
            return .failure(Problem(description: "audit log REWRITTEN: entry \(seq)'s hash is \(entry.hash), not the recorded \(hash)"))
        }
        return .success("head \(seq):\(hash.prefix(12))… is in the log, with \(last.seq - seq) entr\(last.seq - seq == 1 ? "y" : "ies") after it")
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
