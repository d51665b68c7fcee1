import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops serve from the command line", .serialized)
struct ServeCLITests {
    @Test("it listens, answers /healthz, /readyz and /metrics, and stops cleanly on SIGTERM")
    func servesAndStops() async throws {
        let cli = try FreshStoreCLI()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli.binary)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--store", cli.store]
        process.environment = cli.environment(["CHATOPS_GITHUB_WEBHOOK_SECRET": "s3cret", "CHATOPS_GITHUB_TOKEN": "ghp_x"])
        process.currentDirectoryURL = RepositoryPaths.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while !seen.contains(": serving"), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let line = try #require(seen.split(separator: "\n").first { $0.hasPrefix("chatops listening on http://127.0.0.1:") })
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
