/// What kind of failure a CI run had: the first thing a person (or the AI triage) needs to know.
public enum FailureKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Static analysis of the code: CodeQL, Semgrep, Bandit, SonarQube…
    case sast
    /// Vulnerable dependencies: dependency review, pip-audit, npm audit, Snyk, Trivy fs, OSV…
    case sca
    /// Committed secrets: Gitleaks, TruffleHog, detect-secrets…
    case secrets
    /// Unit or integration tests.
    case test
    /// Model training or its quality gate: MLflow, accuracy below threshold, model validation.
    case train
    /// Building, scanning or pushing the container image.
    case container
    /// Rolling out: Argo CD, kubectl, Helm.
    case deploy
    /// None of the above could be told from the names and log lines.
    case other

    public var displayName: String {
        switch self {
        case .sast: return "SAST"
        case .sca: return "SCA"
        case .secrets: return "secrets"
        case .test: return "test"
        case .train: return "train"
        case .container: return "container"
        case .deploy: return "deploy"
        case .other: return "other"
        }
    }
}

/// The class and the signal that decided it ("step “Run pytest”: pytest").
public struct FailureClassification: Sendable, Hashable, Codable {
    public let kind: FailureKind
    /// Where the deciding signal was found; nil for `other`.
    public let evidence: String?

    public init(kind: FailureKind, evidence: String?) {
        self.kind = kind
        self.evidence = evidence
    }
}
