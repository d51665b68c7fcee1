import ChatOpsConfig
import Execution
import ReplyModel

/// `status of APP [in ENV]`: sync status, health, revision, images and last sync of the app's Argo
/// CD application in each asked environment, one compact line each, then the details.
public struct ArgoCDStatusExecutor: Executor {
    let client: ArgoCDClient
    let catalog: Catalog

    public init(client: ArgoCDClient, catalog: Catalog) {
        self.client = client
        self.catalog = catalog
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        targets(input).map { "read Argo CD application \($0.argocdApp)" }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let targets = targets(input)
        guard let app = input.string("app"), !targets.isEmpty else {
            return .failed("Say which app: one of \(catalog.appNames.joined(separator: ", ")).")
        }
        var blocks: [ReplyBlock] = []
        var worst = Severity.success
        for target in targets {
            do {
                let application = try await client.application(target.argocdApp)
                let line = StatusLine(app: app, env: target.env, application: application,
                                      cluster: catalog.cluster(of: target.app, in: target.env)?.name)
                blocks.append(.text(line.summary))
                blocks.append(.fields(line.fields))
                if line.severity == .failure || (line.severity == .warning && worst == .success) { worst = line.severity }
            } catch {
                return .failed(.text("\(error)", severity: .failure))
            }
        }
        return .succeeded(Reply(worst, blocks))
    }

    /// The asked environment, or every environment the app runs in, in promotion order.
    func targets(_ input: ExecutionInput) -> [ArgoCDTarget] {
        guard let name = input.string("app"), let app = catalog.app(named: name) else { return [] }
        let envs = input.string("env").map { [$0] } ?? catalog.environmentNames.filter { app.environments[$0] != nil }
        return envs.map { ArgoCDTarget(app: app, env: $0) }
    }
}
