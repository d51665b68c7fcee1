import ChatOpsTestSupport
import Foundation
import Testing

/// The built `chatops`, run from the repository root with no `CHATOPS_*` (nor cluster variables)
/// from the test's own environment, against a store file in a fresh folder.
struct FreshStoreCLI {
    let binary: String
    let directory: TemporaryDirectory
    var store: String { directory.url.appendingPathComponent("chatops.db").path }

    init() throws {
        binary = try #require(RepositoryPaths.chatopsBinary, "build the chatops product first (swift build)")
        directory = try TemporaryDirectory()
    }

    /// What would point the CLI at a real cluster from a developer's shell or a CI pod.
    static let clusterVariables: Set<String> = ["KUBECONFIG", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT"]

    func environment(_ extra: [String: String] = [:]) -> [String: String] { Self.hermeticEnvironment(extra) }

    /// This process's environment without what configures chatops, plus `extra`.
    static func hermeticEnvironment(_ extra: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHATOPS_") && !clusterVariables.contains($0.key) }
            .merging(extra) { $1 }
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
