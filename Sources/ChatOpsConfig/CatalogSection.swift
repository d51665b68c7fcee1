import YAMLSupport

/// Reads `environments` and `apps`.
enum CatalogSection {
    static func environments(_ value: YAMLValue, clusters: [ClusterConfig] = []) throws(YAMLError) -> [EnvironmentConfig] {
        var result: [EnvironmentConfig] = []
        var seen: [String: String] = [:]
        let items = try value.list()
        guard !items.isEmpty else { throw value.error("at least one environment is needed (e.g. dev, staging, prod)") }
        for item in items {
            let m = try item.mapping()
            try m.rejectUnknownKeys(allowed: ["name", "aliases", "protected", "cluster"])
            let nameNode = try m.required("name")
            let name = try nameNode.string()
            let aliases = try m["aliases"]?.stringList().map { $0.lowercased() } ?? []
            for n in [name] + aliases {
                guard NamePattern.isIdentifier(n, maxLength: 31) else {
                    throw item.error("environment name '\(n)' must be lower-case letters, digits and dashes, starting with a letter")
                }
                if let owner = seen[n] {
                    throw item.error("'\(n)' is already used by environment '\(owner)'; each name and alias must be unique")
                }
                seen[n] = name
            }
            let isProtected = try m["protected"]?.bool() ?? (name == "prod" || name == "production")
            let cluster = try m["cluster"].map { v throws(YAMLError) in try ClustersSection.name(v, in: clusters) }
            result.append(EnvironmentConfig(name: name, aliases: aliases, isProtected: isProtected, cluster: cluster))
        }
        return result
    }

    static func apps(_ value: YAMLValue, environments: [EnvironmentConfig], clusters: [ClusterConfig] = []) throws(YAMLError)
        -> [AppConfig] {
        var result: [AppConfig] = []
        var seen: [String: String] = [:]
        let envNames = Set(environments.flatMap { [$0.name] + $0.aliases })
        for item in try value.list() {
            let m = try item.mapping()
            try m.rejectUnknownKeys(allowed: ["name", "aliases", "model", "environments", "pipeline"])
            let name = try m.required("name").string()
            let aliases = try m["aliases"]?.stringList().map { $0.lowercased() } ?? []
            for n in [name] + aliases {
                guard NamePattern.isIdentifier(n) else {
                    throw item.error("app name '\(n)' must be lower-case letters, digits and dashes, starting with a letter")
                }
                if let owner = seen[n] {
                    throw item.error("'\(n)' is already used by app '\(owner)'; each name and alias must be unique")
                }
                if envNames.contains(n) {
                    throw item.error("'\(n)' is also an environment name; an app name or alias must differ from every environment")
                }
                seen[n] = name
            }
            let model = try m["model"].map { v throws(YAMLError) in try Self.model(v, appName: name) }
            var perEnv: [String: AppEnvironment] = [:]
            if let envs = m["environments"] {
                for (envKey, envValue) in try envs.mapping().entries {
                    guard let env = environments.first(where: { $0.name == envKey }) else {
                        let known = environments.map(\.name).joined(separator: ", ")
                        throw envValue.error("unknown environment '\(envKey)'; use one of: \(known)")
                    }
                    let place = try appEnvironment(envValue, clusters: clusters)
                    perEnv[env.name] = try placed(place, of: name, in: env, clusters: clusters, at: envValue)
                }
            }
            let pipeline = try m["pipeline"].map { v throws(YAMLError) in try DeliverySection.pipeline(v, environments: environments) }
            result.append(AppConfig(name: name, aliases: aliases, model: model, environments: perEnv, pipeline: pipeline))
        }
        return result
    }

    static func model(_ value: YAMLValue, appName: String) throws(YAMLError) -> ModelConfig {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["name", "features", "classes", "mlflow_experiment", "metric", "baseline_run"])
        return ModelConfig(name: try m["name"]?.string() ?? appName,
                           features: try m["features"]?.stringList() ?? [],
                           classes: try m["classes"]?.stringList() ?? [],
                           mlflowExperiment: try m["mlflow_experiment"]?.string(),
                           metric: try m["metric"]?.string(),
                           baselineRun: try m["baseline_run"]?.string())
    }

    static func appEnvironment(_ value: YAMLValue, clusters: [ClusterConfig] = []) throws(YAMLError) -> AppEnvironment {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["argocd_app", "namespace", "deployment", "labels", "model", "gitops", "rollback", "cluster"])
        let namespace = try m["namespace"]?.string()
        if let namespace, !NamePattern.isDNSLabel(namespace) {
            throw m["namespace"]!.error("namespace '\(namespace)' is not a valid Kubernetes name (lower-case letters, digits, dashes)")
        }
        var labels: [String: String] = [:]
        if let labelsNode = m["labels"] {
            for (k, v) in try labelsNode.mapping().entries { labels[k] = try v.string() }
        }
        return AppEnvironment(argocdApp: try m["argocd_app"]?.string(), namespace: namespace,
                              deployment: try m["deployment"]?.string(), labels: labels,
                              model: try m["model"]?.string(),
                              gitops: try m["gitops"].map { v throws(YAMLError) in try DeliverySection.gitops(v) },
                              rollback: try m["rollback"].map { v throws(YAMLError) in try DeliverySection.rollback(v) } ?? .gitops,
                              cluster: try m["cluster"].map { v throws(YAMLError) in try ClustersSection.name(v, in: clusters) })
    }

    /// The placement with its cluster: its own, else its environment's, else the only one. With
    /// clusters defined, every placement runs on one.
    static func placed(_ place: AppEnvironment, of app: String, in env: EnvironmentConfig, clusters: [ClusterConfig],
                       at value: YAMLValue) throws(YAMLError) -> AppEnvironment {
        guard !clusters.isEmpty else { return place }
        guard let cluster = place.cluster ?? env.cluster ?? (clusters.count == 1 ? clusters[0].name : nil) else {
            throw value.error("\(app) in \(env.name) runs on no cluster: set cluster on environment \(env.name) (environments:) or here; "
                              + "\(ClustersSection.path) defines: \(clusters.map(\.name).joined(separator: ", "))")
        }
        return place.on(cluster: cluster)
    }
}
