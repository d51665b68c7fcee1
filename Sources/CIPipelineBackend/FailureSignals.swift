/// The signals that tell failure kinds apart, as data. Text is compared after `SignalText`
/// normalisation: lowercase, punctuation turned into spaces (so `pip-audit`, `pip_audit` and
/// `pip audit` are the same words).
///
/// A *specific* signal names a tool or an unmistakable message (`gitleaks`, `failed to solve`);
/// a *generic* one is only a word (`test`, `deploy`) and counts in job and step names, never in
/// log lines, where such words are everywhere.
enum FailureSignals {
    /// When several kinds match equally well, the earlier kind wins: security tools are named
    /// precisely, while `test` and `train` are words that appear around everything.
    static let precedence: [FailureKind] = [.secrets, .sast, .sca, .container, .deploy, .train, .test]

    static let table: [(kind: FailureKind, specific: [SignalPattern], generic: [SignalPattern])] = [
        (.secrets,
         specific: ["gitleaks", "trufflehog", "detect secrets", "ggshield", "secret scanning", "secret scan", "secrets scan",
                    "leaks found", "secrets found", "secret detected", "secrets detected", "potential secrets"],
         generic: ["leak", "leaks"]),
        (.sast,
         specific: ["codeql", "semgrep", "bandit", "sonar", "sonarqube", "sonarcloud", "sonar scanner", "gosec", "brakeman",
                    "checkmarx", "snyk code", "static analysis", "sast"],
         generic: ["analyze", "code scanning"]),
        (.sca,
         specific: ["dependency review", "pip audit", "npm audit", "yarn audit", "cargo audit", "govulncheck", "snyk",
                    "trivy fs", "scan type fs", "osv scanner", "osv", "safety check", "dependency check",
                    "vulnerable dependency", "vulnerable dependencies", "known vulnerabilities"],
         generic: ["audit", "trivy", "vulnerability", "vulnerabilities", "cve"]),
        (.container,
         specific: ["docker build", "docker push", "buildx", "build push action", "kaniko", "buildah", "trivy image",
                    "scan type image", "image ref", "failed to solve", "dockerfile", "docker login",
                    .all(["build", "image"]), .all(["push", "image"])],
         generic: ["docker", "image", "container", "registry"]),
        (.deploy,
         specific: ["argocd", "argo cd", "kubectl", "helm", "kustomize", "rollout status", "upgrade failed", "deploy to"],
         generic: ["deploy", "deployment", "deploying", "release", "rollout"]),
        (.train,
         specific: ["mlflow", "dvc repro", "train.py", "training failed", "model validation", "validate model",
                    "evaluate model", "model evaluation", "train model", "training job",
                    .all(["accuracy", "threshold"]), .all(["accuracy", "below"])],
         generic: ["train", "training", "model", "evaluate", "evaluation"]),
        (.test,
         specific: ["pytest", "unittest", "unit test", "unit tests", "integration test", "integration tests", "go test",
                    "npm test", "jest", "tox", "assertionerror", "assert", "tests failed", "test failed",
                    .all(["failed", "passed"])],
         generic: ["test", "tests", "testing", "e2e"]),
    ]
}

/// Words that must appear as whole words, in order (`"pip audit"`), or all of several words in
/// any order (`.all(["accuracy", "threshold"])`).
enum SignalPattern: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    case phrase(String)
    case all([String])

    init(stringLiteral value: String) { self = .phrase(value) }

    func matches(_ text: SignalText) -> Bool {
        switch self {
        case .phrase(let words): return text.contains(words)
        case .all(let words): return words.allSatisfy(text.contains)
        }
    }

    var description: String {
        switch self {
        case .phrase(let words): return words
        case .all(let words): return words.joined(separator: " … ")
        }
    }
}

/// Text normalised for matching signals: ` word word word `.
struct SignalText {
    let padded: String

    /// Letters and digits are kept; a `.` only between two of them (`train.py`, `3.7`), so a
    /// full stop or `secrets.....Failed` separates words; anything else is a space.
    init(_ text: String) {
        let characters = Array(text.lowercased())
        var words = ""
        for (index, character) in characters.enumerated() {
            if character.isLetter || character.isNumber {
                words.append(character)
            } else if character == ".", index > 0, index + 1 < characters.count,
                      characters[index - 1].isLetter || characters[index - 1].isNumber,
                      characters[index + 1].isLetter || characters[index + 1].isNumber {
                words.append(character)
            } else {
                words.append(" ")
            }
        }
        padded = " " + words.split(separator: " ").joined(separator: " ") + " "
    }

    /// Whether `words` appear as whole words, together.
    func contains(_ words: String) -> Bool { padded.contains(" \(words) ") }
}
