/// Where an app's image tag lives in the GitOps (manifests) repository for one environment.
public struct GitOpsTarget: Sendable, Hashable {
    public enum Format: Sendable, Hashable {
        /// A kustomization file: the tag is `images[name == image].newTag`.
        case kustomize(image: String)
        /// A values file: the tag is at a dotted YAML path (`image.tag`).
        case values(path: [String])
    }

    /// `owner/name` of the manifests repository.
    public let repository: String
    /// The branch Argo CD follows; nil means the repository's default branch.
    public let branch: String?
    /// The file, relative to the repository root.
    public let file: String
    public let format: Format
    /// Open a pull request instead of committing; the approval merges it.
    public let pullRequest: Bool

    public init(repository: String, branch: String? = nil, file: String, format: Format, pullRequest: Bool = false) {
        self.repository = repository
        self.branch = branch
        self.file = file
        self.format = format
        self.pullRequest = pullRequest
    }
}

/// How `rollback` works for an app in one environment.
public enum RollbackMode: String, Sendable, Hashable, CaseIterable {
    /// Write the previous version back to the GitOps repository (the default: auto-sync keeps it).
    case gitops
    /// Argo CD's own rollback to an earlier history entry (needs auto-sync off for the app).
    case argocd
}

/// The app's CI pipeline on GitHub Actions.
public struct PipelineConfig: Sendable, Hashable {
    /// `owner/name` of the repository whose workflows build and train the app.
    public let repository: String
    /// Workflow file names or ids whose runs `pipeline` shows; empty means every workflow's runs.
    public let workflows: [String]
    /// The workflow `retrain` dispatches (`workflow_dispatch`).
    public let trainingWorkflow: String?
    /// The git ref the training run uses.
    public let ref: String
    /// Inputs sent with the dispatch.
    public let inputs: [String: String]
    /// The environment the training run produces a model for: `retrain` is a change there for
    /// policy (approvals) and freezes. Default: the first protected environment, else the last.
    public let environment: String?

    public init(repository: String, workflows: [String] = [], trainingWorkflow: String? = nil, ref: String = "main",
                inputs: [String: String] = [:], environment: String? = nil) {
        self.repository = repository
        self.workflows = workflows
        self.trainingWorkflow = trainingWorkflow
        self.ref = ref
        self.inputs = inputs
        self.environment = environment
    }
}
