import CIPipelineBackend
import Testing

@Suite("failure classification from job names, step names and log lines")
struct FailureClassifierTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let job: String
        let step: String
        let log: [String]
        let kind: FailureKind
        var testDescription: String { "\(job) / \(step) → \(kind.displayName)" }
    }

    static let cases: [Case] = [
        // SAST
        .init(job: "Analyze (python)", step: "Perform CodeQL Analysis", log: [], kind: .sast),
        .init(job: "semgrep", step: "Run semgrep ci", log: ["Ran 412 rules on 88 files: 3 findings.", "##[error]Process completed with exit code 1."], kind: .sast),
        .init(job: "security", step: "Run bandit -r src -ll", log: [">> Issue: [B602:subprocess_popen_with_shell_equals_true]"], kind: .sast),
        .init(job: "quality", step: "SonarQube Scan", log: ["##[error]QUALITY GATE STATUS: FAILED"], kind: .sast),
        // SCA
        .init(job: "dependency-review", step: "Dependency Review", log: ["##[error]Dependency review detected vulnerable packages."], kind: .sca),
        .init(job: "audit", step: "Run pip-audit -r requirements.txt", log: ["Found 2 known vulnerabilities in 1 package"], kind: .sca),
        .init(job: "frontend", step: "npm audit --audit-level=high", log: ["6 vulnerabilities (2 moderate, 4 high)"], kind: .sca),
        .init(job: "scan", step: "Run Trivy vulnerability scanner in repo mode", log: ["  scan-type: fs", "requirements.txt (pip)"], kind: .sca),
        .init(job: "osv", step: "Run osv-scanner", log: [], kind: .sca),
        // secrets
        .init(job: "secrets", step: "Run gitleaks/gitleaks-action@v2", log: ["##[error]🛑 Leaks detected, see job summary for details"], kind: .secrets),
        .init(job: "security", step: "TruffleHog OSS", log: ["Found verified result 🐷🔑"], kind: .secrets),
        .init(job: "pre-commit", step: "Run pre-commit", log: ["Detect secrets...........................................Failed",
                                                              "ERROR: Potential secrets about to be committed to git repo!"], kind: .secrets),
        // test
        .init(job: "test (3.11)", step: "Run pytest", log: ["FAILED tests/test_api.py::test_predict - AssertionError"], kind: .test),
        .init(job: "unit-tests", step: "Run make check", log: [], kind: .test),
        .init(job: "build", step: "Run go test ./...", log: ["--- FAIL: TestHandler (0.00s)"], kind: .test),
        .init(job: "ci", step: "Run tox -e py311", log: ["===== 2 failed, 40 passed in 3.12s ====="], kind: .test),
        // train
        .init(job: "train", step: "Train model", log: ["mlflow.exceptions.MlflowException: Run 'a1b2' not found"], kind: .train),
        .init(job: "quality-gate", step: "Check metrics", log: ["##[error]accuracy 0.81 is below the threshold 0.90"], kind: .train),
        .init(job: "pipeline", step: "Validate model", log: [], kind: .train),
        .init(job: "retrain", step: "Run python train.py --epochs 20", log: ["RuntimeError: CUDA out of memory"], kind: .train),
        // container
        .init(job: "image", step: "Build and push", log: ["ERROR: failed to solve: process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 1"], kind: .container),
        .init(job: "docker", step: "Set up Docker Buildx", log: [], kind: .container),
        .init(job: "scan-image", step: "Run Trivy vulnerability scanner", log: ["  image-ref: ghcr.io/acme/iris-classifier:sha-9268749",
                                                                                  "ghcr.io/acme/iris-classifier:sha-9268749 (debian 12.5)"], kind: .container),
        .init(job: "publish", step: "Push image to GHCR", log: ["denied: permission_denied: write_package"], kind: .container),
        // deploy
        .init(job: "deploy-staging", step: "Sync Argo CD app", log: ["FATA[0001] rpc error: code = PermissionDenied"], kind: .deploy),
        .init(job: "release", step: "Helm upgrade", log: ["Error: UPGRADE FAILED: timed out waiting for the condition"], kind: .deploy),
        .init(job: "deploy", step: "Run kubectl rollout status deploy/iris-classifier -n ml-staging",
              log: ["error: deployment \"iris-classifier\" exceeded its progress deadline"], kind: .deploy),
        // other
        .init(job: "lint", step: "Run ruff check .", log: ["src/app.py:12:1: F401 `os` imported but unused"], kind: .other),
        .init(job: "build", step: "Install dependencies", log: ["ERROR: Could not find a version that satisfies the requirement numpy==9.9"], kind: .other),
    ]

    @Test("each kind from realistic jobs, steps and logs", arguments: cases)
    func classifies(_ example: Case) {
        let result = FailureClassifier.classify(failedSteps: [example.step], failedJobs: [example.job], logLines: example.log)
        #expect(result.kind == example.kind, "\(result.evidence ?? "no evidence")")
        #expect((result.evidence == nil) == (example.kind == .other))
    }

    @Test("a tool named in the failed step beats a generic job name (`test` job running gitleaks)")
    func specificStepBeatsGenericJob() {
        let result = FailureClassifier.classify(failedSteps: ["gitleaks detect --source ."], failedJobs: ["test"], logLines: [])
        #expect(result == FailureClassification(kind: .secrets, evidence: "step “gitleaks detect --source .”: gitleaks"))
    }

    @Test("a specific log line beats a generic step name: a model quality check inside `Run tests` is a train failure")
    func logBeatsGenericStep() {
        let result = FailureClassifier.classify(failedSteps: ["Run tests"], failedJobs: ["test"],
                                                logLines: ["##[error]Model accuracy 0.71 below threshold 0.85"])
        #expect(result.kind == .train)
        #expect(result.evidence == "log line “##[error]Model accuracy 0.71 below threshold 0.85”: accuracy … threshold")
    }

    @Test("the step beats the job when both name a tool: `deploy` job whose `docker build` step failed")
    func stepBeatsJob() {
        let result = FailureClassifier.classify(failedSteps: ["docker build -t iris ."], failedJobs: ["kubectl-deploy"], logLines: [])
        #expect(result.kind == .container)
    }

    @Test("equal signals: security kinds take precedence (Trivy image scan reported by the step) — container over SCA's bare trivy")
    func precedence() {
        #expect(FailureClassifier.classify(failedSteps: ["trivy image ghcr.io/acme/iris:1"], failedJobs: [], logLines: []).kind == .container)
        #expect(FailureClassifier.classify(failedSteps: ["Run Trivy"], failedJobs: [], logLines: []).kind == .sca)
        #expect(FailureClassifier.classify(failedSteps: ["snyk code test"], failedJobs: [], logLines: []).kind == .sast)
        #expect(FailureClassifier.classify(failedSteps: ["gitleaks and pytest"], failedJobs: [], logLines: []).kind == .secrets)
    }

    @Test("generic words in log lines are ignored: a log that mentions deploy and image is not evidence")
    func genericLogWordsIgnored() {
        let result = FailureClassifier.classify(failedSteps: ["Run make"], failedJobs: ["build"],
                                                logLines: ["waiting for the deploy of the image", "make: *** [all] Error 2"])
        #expect(result == FailureClassification(kind: .other, evidence: nil))
    }

    @Test("words are matched whole: `latest`, `contest`, `retrained` do not count as test or train")
    func wholeWords() {
        #expect(FailureClassifier.classify(failedSteps: ["Fetch latest contest data"], failedJobs: ["retrained-report"], logLines: []).kind == .other)
    }
}
