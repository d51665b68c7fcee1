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
}
