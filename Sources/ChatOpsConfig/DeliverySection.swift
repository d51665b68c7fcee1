import YAMLSupport

/// Reads an app's `pipeline` and an app environment's `gitops` and `rollback`.
enum DeliverySection {
    static func gitops(_ value: YAMLValue) throws(YAMLError) -> GitOpsTarget {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["repo", "branch", "path", "image", "values_path", "pull_request"])
        let repoNode = try m.required("repo")
        let repository = try repository(repoNode)
        let pathNode = try m.required("path")
        let file = try pathNode.string()
        guard !file.isEmpty, !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
            throw pathNode.error("path '\(file)' must be a file inside the repository (relative, no '..')")
        }
        let format: GitOpsTarget.Format
        switch (try m["image"]?.string(), try m["values_path"]?.string()) {
        case (let image?, nil):
            format = .kustomize(image: image)
        case (nil, let dotted?):
            let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else {
                throw m["values_path"]!.error("values_path '\(dotted)' must be dot-separated keys, e.g. image.tag")
            }
            format = .values(path: parts)
        case (_?, _?):
            throw value.error("set either image (a kustomization's images[].name) or values_path (a values file's tag key), not both")
        case (nil, nil):
            throw value.error("say where the tag is: image (the kustomization's images[].name) or values_path (e.g. image.tag)")
        }
        return GitOpsTarget(repository: repository, branch: try m["branch"]?.string(), file: file, format: format,
                            pullRequest: try m["pull_request"]?.bool() ?? false)
    }

    static func rollback(_ value: YAMLValue) throws(YAMLError) -> RollbackMode {
        let raw = try value.string()
        guard let mode = RollbackMode(rawValue: raw) else {
            throw value.error("rollback '\(raw)' is not one of: \(RollbackMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return mode
    }

    static func pipeline(_ value: YAMLValue, environments: [EnvironmentConfig]) throws(YAMLError) -> PipelineConfig {
        let m = try value.mapping()
        try m.rejectUnknownKeys(allowed: ["repo", "workflows", "training_workflow", "ref", "inputs", "environment"])
        var environment = (environments.first(where: \.isProtected) ?? environments.last)?.name
        if let node = m["environment"] {
            let name = try node.string()
            guard let env = environments.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
                throw node.error("unknown environment '\(name)'; use one of: \(environments.map(\.name).joined(separator: ", "))")
            }
            environment = env.name
        }
        var inputs: [String: String] = [:]
        if let node = m["inputs"] {
            for (k, v) in try node.mapping().entries { inputs[k] = try v.string() }
        }
        return PipelineConfig(repository: try repository(try m.required("repo")),
                              workflows: try m["workflows"]?.stringList() ?? [],
                              trainingWorkflow: try m["training_workflow"]?.string(),
                              ref: try m["ref"]?.string() ?? "main", inputs: inputs, environment: environment)
    }

    /// `owner/name`, as GitHub spells repositories.
    static func repository(_ node: YAMLValue) throws(YAMLError) -> String {
        let text = try node.string()
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }) else {
            throw node.error("repo '\(text)' must be owner/name, e.g. acme/ml-manifests")
        }
        return text
    }
}
