import ChatOpsTestSupport
import Foundation
import Testing

/// The built `chatops`, run from the repository root with no `CHATOPS_*` from the test's own
/// environment, against a store file in a fresh folder.
struct FreshStoreCLI {
    let binary: String
    let directory: TemporaryDirectory
    var store: String { directory.url.appendingPathComponent("chatops.db").path }

    init() throws {
        binary = try #require(RepositoryPaths.chatopsBinary, "build the chatops product first (swift build)")
        directory = try TemporaryDirectory()
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHATOPS_") }.merging(extra) { $1 }
    }

    func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(binary, args, stdin: stdin, environment: environment(env), directory: RepositoryPaths.root.path)
    }

    /// `run`, waited for on a thread of its own: for a CLI that calls an in-process fake server.
    /// Blocking a thread of the cooperative pool (two on a two-core machine) while the CLI waits
    /// for the fake, which answers on that pool, could leave none to answer with.
    func runBesideFakes(_ args: [String], env: [String: String] = [:]) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try run(args, env: env) }) }
        }
    }
}
