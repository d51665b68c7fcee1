import ChatOpsConfig

/// An app's pipeline from the configuration, its repository checked.
struct ResolvedPipeline: Sendable {
    let app: AppConfig
    let config: PipelineConfig
    let repository: GitHubRepository
}

/// What is missing from the configuration, worded with the key to add.
struct PipelineConfigProblem: Error, Sendable, CustomStringConvertible {
    let description: String
}

/// Finds the `pipeline:` block of apps and says which key to add when there is none.
struct PipelineLookup: Sendable {
    let catalog: Catalog
    let configFile: String

    func pipeline(ofApp name: String?) -> Result<ResolvedPipeline, PipelineConfigProblem> {
        guard let name, let app = catalog.app(named: name) else {
            return .failure(.init(description: "Say which app: one of \(catalog.appNames.joined(separator: ", "))."))
        }
        return resolve(app)
    }

    func pipeline(ofModel name: String?) -> Result<ResolvedPipeline, PipelineConfigProblem> {
        guard let name, let app = catalog.model(named: name) else {
            return .failure(.init(description: "Say which model: one of \(catalog.modelNames.joined(separator: ", "))."))
        }
        return resolve(app)
    }

    func resolve(_ app: AppConfig) -> Result<ResolvedPipeline, PipelineConfigProblem> {
        guard let config = app.pipeline else {
            return .failure(.init(description: "\(app.name) has no CI pipeline configured: add a `pipeline:` block "
                                  + "(`repo: OWNER/NAME`, `workflows: [ci.yml]`) to \(app.name) under `apps:` in \(configFile)"))
        }
        guard let repository = GitHubRepository(config.repository) else {
            return .failure(.init(description: "the `pipeline.repo` of \(app.name) is '\(config.repository)', "
                                  + "not OWNER/NAME; fix it in \(configFile)"))
        }
        return .success(ResolvedPipeline(app: app, config: config, repository: repository))
    }

    /// Every configured pipeline repository, once each: `first` app's before the others.
    func repositories(first: String?) -> [GitHubRepository] {
        let preferred = first.flatMap(catalog.app(named:)).map { [$0] } ?? []
        var seen = Set<GitHubRepository>()
        return (preferred + catalog.apps).compactMap { $0.pipeline.flatMap { GitHubRepository($0.repository) } }
            .filter { seen.insert($0).inserted }
    }
}
