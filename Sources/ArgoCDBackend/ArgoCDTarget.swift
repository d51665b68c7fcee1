import ChatOpsConfig
import Execution

/// The Argo CD application an app runs as in one environment, from the catalog.
public struct ArgoCDTarget: Sendable {
    public let app: AppConfig
    public let env: String
    public let argocdApp: String

    public init(app: AppConfig, env: String) {
        self.app = app
        self.env = env
        argocdApp = app.argocdApp(in: env)
    }

    /// The app and environment a command names, or a message saying what to add.
    public static func resolve(_ input: ExecutionInput, catalog: Catalog) -> Result<ArgoCDTarget, TargetProblem> {
        guard let name = input.string("app"), let app = catalog.app(named: name) else {
            return .failure(TargetProblem("Say which app: one of \(catalog.appNames.joined(separator: ", "))."))
        }
        let envs = catalog.environmentNames.filter { app.environments[$0] != nil }
        guard let env = input.string("env") else {
            return .failure(TargetProblem("Say which environment of \(app.name): \(envs.joined(separator: ", "))."))
        }
        return .success(ArgoCDTarget(app: app, env: env))
    }

    public var placement: AppEnvironment? { app.environments[env] }
}

/// Why a command cannot be carried out as given, in words for the requester.
public struct TargetProblem: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
