import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops serve from the command line", .serialized)
struct ServeCLITests {
    /// Starts `chatops serve` on a free port with GitHub configured; the process and its listening line.
    static func serve(_ cli: FreshStoreCLI, arguments: [String] = []) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli.binary)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--store", cli.store] + arguments
        process.environment = cli.environment(["CHATOPS_GITHUB_WEBHOOK_SECRET": "s3cret", "CHATOPS_GITHUB_TOKEN": "ghp_x"])
        process.currentDirectoryURL = RepositoryPaths.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while !seen.contains(": serving"), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = seen.split(separator: "\n").first(where: { $0.hasPrefix("chatops listening on http://127.0.0.1:") }) else {
            kill(process.processIdentifier, SIGKILL)
            throw ServeDidNotStart(output: seen)
        }
        return (process, String(line))
    }

    struct ServeDidNotStart: Error, CustomStringConvertible {
        let output: String
        var description: String { "chatops serve did not say it listens: \(output)" }
    }

    @Test("it listens, answers /healthz, /readyz and /metrics, and stops cleanly on SIGTERM")
    func servesAndStops() async throws {
        let cli = try FreshStoreCLI()
        let (process, line) = try Self.serve(cli)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(line.hasSuffix(": serving github"))
        let port = try #require(Int(line.split(separator: ":")[2].prefix { $0.isNumber }))
        let health = try await URLFetch.get("http://127.0.0.1:\(port)/healthz")
        #expect(health == (200, "ok\n"))
        #expect(try await URLFetch.get("http://127.0.0.1:\(port)/readyz") == (200, "ready\n"))
        #expect(try await URLFetch.post("http://127.0.0.1:\(port)/github/webhook", body: "{}") == 401)
        let metrics = try await URLFetch.get("http://127.0.0.1:\(port)/metrics")
        #expect(metrics.0 == 200)
        #expect(metrics.1.contains(#"chatops_webhook_duration_seconds_count{platform="github"} 1"#), "\(metrics.1)")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("SIGHUP reloads: a broken configuration is refused and /readyz says why, still ready; a good one is in force")
    func reloadsOnHangup() async throws {
        let cli = try FreshStoreCLI()
        let example = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        let config = try cli.directory.write("chatops.yaml", example)
        let (process, line) = try Self.serve(cli, arguments: ["--config", config])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let port = try #require(Int(line.split(separator: ":")[2].prefix { $0.isNumber }))
        func readyz(until word: String) async throws -> (Int, String) {
            for _ in 0..<100 {
                let answer = try await URLFetch.get("http://127.0.0.1:\(port)/readyz")
                if answer.1.contains(word) { return answer }
                try await Task.sleep(for: .milliseconds(100))
            }
            return try await URLFetch.get("http://127.0.0.1:\(port)/readyz")
        }
        _ = try cli.directory.write("chatops.yaml", example.replacingOccurrences(of: "unknown_users: none", with: "unknown_users: everyone"))
        kill(process.processIdentifier, SIGHUP)
        let refused = try await readyz(until: "refused")
        #expect(refused.0 == 200 && refused.1.hasPrefix("ready\nreload at "), "\(refused.1)")
        #expect(refused.1.contains("the previous configuration and rules stay in force") && refused.1.contains("unknown_users"))
        _ = try cli.directory.write("chatops.yaml", example)
        kill(process.processIdentifier, SIGHUP)
        let reloaded = try await readyz(until: "reloaded at")
        #expect(reloaded.0 == 200 && reloaded.1.contains("rules, "), "\(reloaded.1)")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("a half-configured platform or a bad listen address stops it with exit 2 and what to set")
    func setupErrors() throws {
        let cli = try FreshStoreCLI()
        let half = try cli.run(["serve", "--store", cli.store], env: ["CHATOPS_GITHUB_WEBHOOK_SECRET": "s3cret"])
        #expect(half.status == 2)
        #expect(half.stderr.contains("CHATOPS_GITHUB_TOKEN"))
        #expect(!half.stderr.contains("s3cret"))
        let badListen = try cli.run(["serve", "--store", cli.store, "--listen", "localhost"])
        #expect(badListen.status == 2)
        #expect(badListen.stderr.contains("host:port"))
    }
}
