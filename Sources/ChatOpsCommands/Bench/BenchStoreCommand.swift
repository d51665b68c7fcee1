import ArgumentParser
import Foundation
import RequestStore

/// `chatops bench store`: the approval store's figures on a real SQLite file, as `key=value` lines.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Approval store: decisions and delivery claims per second with durable commits, and 100 concurrent approvals of one request.",
        discussion: "Prints key=value lines; exits non-zero when a race does not end with exactly one winner."
    )

    @Option(help: "The SQLite file (created; use a fresh path on a real disk, not tmpfs).")
    var store: String

    @Option(help: "Decisions (and delivery claims) to time in each pass.")
    var decisions = 2_000

    @Option(help: "Approvals in flight at once in the concurrent pass.")
    var concurrency = 16

    @Option(help: "Approvers racing for one request.")
    var racers = 100

    @Option(help: "How many races.")
    var races = 20

    func run() async throws {
        let bench = ApprovalStoreBenchmark(store: try SQLiteApprovalStore(path: store))
        let (journal, synchronous) = try await bench.store.durability()
        print("store.journal_mode=\(journal)")
        print("store.synchronous=\(synchronous)")
        let serial = try await bench.decisions(count: decisions, concurrency: 1)
        print("store.decisions_per_s_serial=\(Int(Double(decisions) / serial))")
        let parallel = try await bench.decisions(count: decisions, concurrency: concurrency)
        print("store.decisions_per_s_concurrent\(concurrency)=\(Int(Double(decisions) / parallel))")
        let claimsOneByOne = try await bench.claims(count: decisions, concurrency: 1, run: "serial")
        print("store.claims_per_s_serial=\(Int(Double(decisions) / claimsOneByOne))")
        let claimsTogether = try await bench.claims(count: decisions, concurrency: concurrency, run: "concurrent")
        print("store.claims_per_s_concurrent\(concurrency)=\(Int(Double(decisions) / claimsTogether))")
        var times: [Double] = []
        var failures: [String] = []
        for index in 0..<races {
            let race = try await bench.race(racers: racers, index: decisions * 2 + index)
            times.append(race.seconds)
            if race.winners != 1 || race.others != 0 || race.storedApprovals != 1 || race.state != .approved {
                failures.append("race \(index): \(race.winners) winners, \(race.others) other answers, \(race.storedApprovals) stored, state \(race.state.map { "\($0)" } ?? "none")")
            }
        }
        times.sort()
        print("store.race_racers=\(racers)")
        print("store.race_rounds=\(races)")
        print("store.race_exactly_one_winner=\(failures.isEmpty ? "yes" : "no")")
        print("store.race_settle_ms_median=\(Self.ms(times[times.count / 2]))")
        print("store.race_settle_ms_max=\(Self.ms(times.last ?? 0))")
        if !failures.isEmpty { throw BenchFailure(failures.joined(separator: "; ")) }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
}
