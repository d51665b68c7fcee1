import ChatOpsApp
import CIPipelineBackend
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation

struct NoProgress: ProgressReporter {
    func report(_ text: String) async {}
}

/// A fake api.github.com answering the Actions calls from the recorded payloads, and a fake log
/// storage host (another port: another origin) that the job-log call redirects to.
enum FakeGitHub {
    static let token = "ghp_test_token_0123456789"
    static let failedJobID = "10545727758"

    /// The recorded answers, by path; anything else is GitHub's 404.
    static func standard(logStorage: String?) -> FakePlatformAPI.Respond {
        { request in
            let path = request.path
            if path.hasSuffix("/actions/runs") {
                return .json(request.query.contains("status=failure") ? GitHubFixtures.failedRunsList() : GitHubFixtures.runsList)
            }
            if path.contains("/actions/workflows/"), path.hasSuffix("/runs") { return .json(GitHubFixtures.runsList) }
            if path.hasSuffix("/actions/runs/3881497935") { return .json(GitHubFixtures.failedRun) }
            if path.hasSuffix("/actions/runs/3881497935/jobs") { return .json(GitHubFixtures.failedJobs) }
            if path.hasSuffix("/actions/jobs/\(failedJobID)/logs"), let logStorage {
                return FakeResponse(status: 302, headers: ["Location": logStorage + signedLogPath])
            }
            return notFound
        }
    }

    /// Where the redirect points, in the shape of GitHub's pre-signed blob URLs.
    static let signedLogPath = "/actions-results/job-logs.txt?rsct=text%2Fplain&se=2023-01-10T08%3A36%3A00Z&sig=c2lnbmF0dXJl&sp=r&sv=2021-12-02"

    static let notFound = FakeResponse.json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#,
                                            status: 404)

    /// The log storage: the log for the signed path, 403 for anything else (as Azure answers an unsigned URL).
    static func logStorage(log: String = GitHubFixtures.jobLog) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { request in
            guard request.path == "/actions-results/job-logs.txt", request.query.contains("sig=") else {
                return FakeResponse(status: 403, body: Array("AuthenticationFailed".utf8))
            }
            return FakeResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array(log.utf8))
        }
    }

    /// A GitHub that answers only after 5 s: longer than the 1 s timeout the timeout tests give the client.
    static func tooSlow() async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: .seconds(5))
            return notFound
        }
    }

    static func client(_ fake: FakePlatformAPI, timeout: Duration = .seconds(15)) -> GitHubActionsClient {
        GitHubActionsClient(baseURL: fake.baseURL + "/", token: token, http: TestHTTP.pool, timeout: timeout)
    }
}

/// A fake GitHub answering the recorded calls, whose job-log call redirects to a fake log storage.
struct FakeActions {
    let github: FakePlatformAPI
    let storage: FakePlatformAPI

    /// `log`: the failed job's log (the captured one by default).
    static func start(log: String = GitHubFixtures.jobLog) async throws -> FakeActions {
        let storage = try await FakeGitHub.logStorage(log: log)
        return FakeActions(github: try await FakePlatformAPI.start(FakeGitHub.standard(logStorage: storage.baseURL)), storage: storage)
    }

    func stop() async {
        await github.stop()
        await storage.stop()
    }
}

/// The shipped example configuration, optionally edited, and inputs as the conversation builds them.
enum TestConfig {
    static let exampleText = try! String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)

    /// The example with `replacements` applied (each must match).
    static func configuration(_ replacements: [(String, String)] = []) throws -> ChatOpsConfiguration {
        var text = exampleText
        for (old, new) in replacements {
            guard text.contains(old) else { throw MissingText(text: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: text, file: RepositoryPaths.exampleConfig)
    }

    /// payments-api gets a pipeline in acme/payments-api (after iris-classifier's acme/iris-classifier).
    static let paymentsPipeline = ("  - name: payments-api\n    aliases: [payments]\n",
                                   "  - name: payments-api\n    aliases: [payments]\n    pipeline:\n      repo: acme/payments-api\n")

    static func input(_ intent: Intent, _ slots: [String: String] = [:], channel: String? = nil, dryRun: Bool = false) -> ExecutionInput {
        ExecutionInput(requestID: 1, command: ParsedCommand(intent: intent, slots: slots.mapValues { .string($0) }, source: .rule, ruleID: nil),
                       requester: "alice", channel: channel, isDryRun: dryRun)
    }
}

struct MissingText: Error, CustomStringConvertible {
    let text: String
    var description: String { "the example configuration has no '\(text)'" }
}
