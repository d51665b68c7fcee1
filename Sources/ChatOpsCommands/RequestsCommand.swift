import Approvals
import ArgumentParser
import ChatOpsCore
import Conversation
import Foundation

/// `chatops requests list|show`: what the store holds.
struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "List requests or show one, with its approvals and transitions.",
        subcommands: [RequestsListCommand.self, RequestsShowCommand.self]
    )
}

struct RequestsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Recent requests, newest first.")

    @Option(name: .long, help: "Only requests in this state (e.g. awaiting_approval); repeatable.")
    var state: [String] = []

    @Option(name: .long, help: "At most this many.")
    var limit = 50

    @Flag(name: .long, help: "A JSON array of request objects.")
    var json = false

    @OptionGroup var setup: SetupOptions

    func validate() throws {
        for name in state where RequestState(rawValue: name) == nil {
            throw ValidationError("unknown state '\(name)'; states: \(RequestState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reportingSetupErrors {
            let store = try setup.openExistingStore(try setup.loadConfiguration())
            let states = state.isEmpty ? nil : Set(state.compactMap(RequestState.init(rawValue:)))
            let requests = try await store.requests(states: states, limit: limit)
            if json {
                print("[" + requests.map(RequestJSON.request).joined(separator: ",") + "]")
            } else if requests.isEmpty {
                print("no requests")
            } else {
                for r in requests { print(RequestText.line(r)) }
            }
        }
    }
}

struct RequestsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One request, with its approvals and transitions.")

    @Argument(help: "The request number (as in `approve 12`).")
    var id: Int64

    @Flag(name: .long, help: "A JSON object.")
    var json = false

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let configuration = try setup.loadConfiguration()
            let store = try setup.openExistingStore(configuration)
            guard let request = try await store.request(id: id) else {
                Console.error("there is no request #\(id) in \(setup.storePath(configuration)); `chatops requests list` shows them")
                throw ExitCode(1)
            }
            print(json ? RequestJSON.request(request) : RequestText.details(request))
        }
    }
}

/// Requests for people: one line each, or the whole story of one.
enum RequestText {
    static func line(_ r: StoredRequest) -> String {
        "#\(r.id)  \(r.state.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0))  "
            + "\(CommandPhrase.text(r.intent, r.slots))  by \(r.requester)  \(stamp(r.createdAt))"
    }

    static func details(_ r: StoredRequest) -> String {
        var lines = ["Request #\(r.id): \(CommandPhrase.text(r.intent, r.slots))\(r.isDryRun ? " (dry run)" : "")",
                     "  state: \(r.state.rawValue)", "  requester: \(r.requester) (\(r.origin.summary))",
                     "  text: \(r.text)"]
        if r.state == .awaitingApproval || !r.approvals.isEmpty {
            lines.append("  approvals: \(r.approvals.count) of \(r.quorum)\(r.approvers.map { " from \($0)" } ?? "")"
                         + (r.approvals.isEmpty ? "" : " (" + r.approvals.map(\.approver).joined(separator: ", ") + ")"))
        }
        if let expires = r.expiresAt, r.state == .awaitingApproval { lines.append("  expires: \(stamp(expires))") }
        if let result = r.result { lines.append("  result: \(result)") }
        lines.append("  transitions:")
        for t in r.transitions {
            lines.append("    \(stamp(t.at))  \(t.from?.rawValue ?? "-") → \(t.to.rawValue)  by \(t.actor)"
                         + (t.reason.map { "  (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
