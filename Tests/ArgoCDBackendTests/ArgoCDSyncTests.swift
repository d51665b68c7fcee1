import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import PlatformHTTP
import ReplyModel
import Synchronization
import Testing


@Suite("Argo CD sync and the wait until Synced and Healthy", .serialized)
struct ArgoCDSyncTests {
    static let catalog = ArgoCDStatusTests.catalog

    /// A fake Argo CD: POST …/sync answers `syncAnswer`; each GET answers the next of `states`
    /// (the last one repeats).
    static func fakeArgo(states: [String], syncAnswer: FakeResponse = .json(#"{"metadata":{"name":"x"}}"#)) async throws -> FakePlatformAPI {
        let reads = Mutex(0)
        return try await FakePlatformAPI.start { request in
            if request.method == "POST" { return syncAnswer }
            let index = reads.withLock { count in defer { count += 1 }; return min(count, states.count - 1) }
            return .json(states[index])
        }
    }

    func sync(_ fake: FakePlatformAPI, env: String? = "staging", timeout: Duration = .seconds(60),
              progress: ProgressLog = ProgressLog()) async -> ExecutionResult {
        var slots: [String: SlotValue] = ["app": .string("iris-classifier")]
        if let env { slots["env"] = .string(env) }
        let input = ExecutionInput(requestID: 3, command: ParsedCommand(intent: .sync, slots: slots, source: .rule, ruleID: nil),
                                   requester: "alice", channel: nil, isDryRun: false)
        let client = ArgoCDClient(baseURL: fake.baseURL, token: "argo-token", client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(15)))
        let waiter = ArgoCDWaiter(client: client, timeout: timeout, pollInterval: .milliseconds(5))
        return await ArgoCDSyncExecutor(client: client, waiter: waiter, catalog: Self.catalog).execute(input, progress: progress)
    }

    @Test("sync posts the sync operation, reports each new state, and succeeds once Synced and Healthy")
    func syncUntilHealthy() async throws {
        let fake = try await Self.fakeArgo(states: [
            ArgoApplicationJSON.with(sync: "OutOfSync", health: "Healthy", phase: "Running"),
            ArgoApplicationJSON.with(sync: "OutOfSync", health: "Healthy", phase: "Running"),
            ArgoApplicationJSON.with(sync: "Synced", health: "Progressing", phase: "Succeeded"),
            ArgoApplicationJSON.with(sync: "Synced", health: "Healthy", phase: "Succeeded"),
        ])
        defer { Task { await fake.stop() } }
        let progress = ProgressLog()
        let result = await sync(fake, progress: progress)
        #expect(result.isSuccess, "\(result.text)")
        #expect(result.text.hasPrefix("Synced: iris-classifier in staging: Synced, Healthy"))
        let post = try #require(fake.requests.first)
        #expect(post.method == "POST")
        #expect(post.path == "/api/v1/applications/iris-classifier-staging/sync")
        #expect(post.header("Authorization") == "Bearer argo-token")
        #expect(post.json?["name"] as? String == "iris-classifier-staging")
        #expect(post.json?["prune"] as? Bool == false)
        #expect(fake.requests.dropFirst().allSatisfy { $0.method == "GET" && $0.path == "/api/v1/applications/iris-classifier-staging" })
        #expect(fake.requests.count == 5)
        #expect(progress.all == ["Sync of iris-classifier-staging started; waiting until it is Synced and Healthy…",
                                 "iris-classifier-staging: OutOfSync, Healthy (operation Running)",
                                 "iris-classifier-staging: Synced, Progressing (operation Succeeded)"])
    }

    @Test("a failed sync operation ends the wait with Argo CD's message")
    func failedOperation() async throws {
        let fake = try await Self.fakeArgo(states: [
            ArgoApplicationJSON.with(sync: "OutOfSync", health: "Degraded", phase: "Failed",
                                     message: "one or more objects failed to apply, reason: Deployment.apps \"iris\" is invalid"),
        ])
        defer { Task { await fake.stop() } }
        let result = await sync(fake)
        #expect(!result.isSuccess)
        #expect(result.text.contains("Argo CD's sync of iris-classifier-staging ended Failed: one or more objects failed to apply"))
    }

    @Test("an app that never settles times out, saying what it last looked like")
    func timeout() async throws {
        let fake = try await Self.fakeArgo(states: [ArgoApplicationJSON.with(sync: "Synced", health: "Progressing", phase: "Succeeded")])
        defer { Task { await fake.stop() } }
        let result = await sync(fake, timeout: .milliseconds(200))
        #expect(!result.isSuccess)
        #expect(result.text.contains("iris-classifier-staging was not Synced and Healthy after"))
        #expect(result.text.contains("last seen: Synced, Progressing (operation Succeeded)"))
    }

    @Test("refusals name the permission the token lacks, and the app", arguments: [
        (403, #"{"error":"permission denied: applications, sync, default/iris-classifier-staging","code":7}"#,
         "Argo CD answered 403 for app iris-classifier-staging: the token lacks `sync` permission on applications (Argo CD RBAC: p, ROLE, applications, sync"),
        (400, #"{"error":"another operation is already in progress","code":9,"message":"another operation is already in progress"}"#,
         "Argo CD answered 400 for app iris-classifier-staging: Argo CD refused the operation — another operation is already in progress"),
        (401, #"{"error":"invalid session","code":16}"#, "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)"),
        (503, "upstream connect error", "Argo CD answered 503 for app iris-classifier-staging: Argo CD failed; try again shortly"),
        (404, #"{"error":"applications.argoproj.io \"iris-classifier-staging\" not found","code":5}"#,
         "Argo CD answered 404 for app iris-classifier-staging: there is no such application"),
        (409, #"{"error":"operation already in progress","code":6}"#, "Argo CD answered 409 for app iris-classifier-staging: Argo CD refused the operation"),
        (429, #"{"error":"too many requests"}"#, "Argo CD is rate limiting the bot (429) for app iris-classifier-staging (retry after 120s): try again in a minute"),
    ])
    func refusals(code: Int, body: String, expected: String) async throws {
        let fake = try await Self.fakeArgo(states: [ArgoApplicationJSON.with()],
                                           syncAnswer: .json(body, status: code, headers: code == 429 ? ["Retry-After": "120"] : [:]))
        defer { Task { await fake.stop() } }
        let result = await sync(fake)
        #expect(!result.isSuccess)
        #expect(result.text.contains(expected), "\(result.text)")
        #expect(fake.requests.count == 1, "a refused sync is not retried and not waited for")
    }

    @Test("sync without an environment is refused before any call, naming the environments")
    func needsEnvironment() async throws {
        let fake = try await Self.fakeArgo(states: [ArgoApplicationJSON.with()])
        defer { Task { await fake.stop() } }
        let result = await sync(fake, env: nil)
        #expect(!result.isSuccess)
        #expect(result.text == "Say which environment of iris-classifier: dev, staging, prod.")
        #expect(fake.requests.isEmpty)
    }

    @Test("after a commit, the wait goes on until Argo CD runs that revision (several sources included)")
    func waitsForTheRevision() async throws {
        let fake = try await Self.fakeArgo(states: [
            ArgoApplicationJSON.with(revision: "0ld0000"),
            ArgoApplicationJSON.with(revision: "0ld0000"),
            ArgoApplicationJSON.with(revision: "c0ffee1234"),
        ])
        defer { Task { await fake.stop() } }
        let client = ArgoCDClient(baseURL: fake.baseURL, token: "t", client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(15)))
        let progress = ProgressLog()
        let app = try await ArgoCDWaiter(client: client, timeout: .seconds(20), pollInterval: .milliseconds(5))
            .waitUntilHealthy("iris-classifier-staging", revision: "c0ffee1", progress: progress)
        #expect(app.status?.sync?.revision == "c0ffee1234")
        #expect(fake.requests.count == 3)
        #expect(progress.all == ["iris-classifier-staging: Synced, Healthy (operation Succeeded) (not yet at c0ffee1)"])
    }

    @Test("an answer during the wait that is not an Application fails the sync, saying so")
    func malformedDuringWait() async throws {
        let fake = try await Self.fakeArgo(states: ["<html>502 Bad Gateway</html>"])
        defer { Task { await fake.stop() } }
        let result = await sync(fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Argo CD's answer for app iris-classifier-staging could not be read"))
    }

    @Test("an Argo CD that does not answer the sync in time fails it, naming the app")
    func syncCallTimesOut() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: .seconds(5))
            return .json("{}")
        }
        defer { Task { await fake.stop() } }
        let client = ArgoCDClient(baseURL: fake.baseURL, token: "t", client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: .seconds(1)))
        let input = ExecutionInput(requestID: 3, command: ParsedCommand(intent: .sync, slots: ["app": .string("iris"), "env": .string("staging")],
                                                                        source: .rule, ruleID: nil),
                                   requester: "alice", channel: nil, isDryRun: false)
        let result = await ArgoCDSyncExecutor(client: client, waiter: ArgoCDWaiter(client: client, timeout: .seconds(5)),
                                              catalog: Self.catalog).execute(input, progress: ProgressLog())
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Argo CD did not answer for app iris-classifier-staging: Argo CD could not be reached"))
        #expect(fake.requests.count == 1, "a sync is sent once, never retried")
    }
}
