import ChatOpsApp
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

struct NoProgress: ProgressReporter {
    func report(_ text: String) async {}
}

@Suite("Argo CD status against a fake Argo CD", .serialized)
struct ArgoCDStatusTests {
    static let application = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/application.velero-test.from-controller-testdata.json"), encoding: .utf8)
    static let catalog = try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig).catalog

    func status(app: String = "iris-classifier", env: String? = "prod", fake: FakePlatformAPI,
                timeout: Duration = .seconds(15)) async -> ExecutionResult {
        var slots: [String: SlotValue] = ["app": .string(app)]
        if let env { slots["env"] = .string(env) }
        let input = ExecutionInput(requestID: 1, command: ParsedCommand(intent: .status, slots: slots, source: .rule, ruleID: nil),
                                   requester: "alice", channel: nil, isDryRun: false)
        let client = ArgoCDClient(baseURL: fake.baseURL + "/", token: "argo-token",
                                  client: PlatformAPIClient(service: "Argo CD", http: TestHTTP.pool.standard, timeout: timeout))
        return await ArgoCDStatusExecutor(client: client, catalog: Self.catalog).execute(input, progress: NoProgress())
    }

    @Test("status reads the app's Argo CD application and shows sync, health, revision, images and last sync")
    func statusOfOneEnvironment() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(Self.application) }
        defer { Task { await fake.stop() } }
        let result = await status(fake: fake)
        #expect(result.isSuccess)
        #expect(result.reply.severity == .success)
        let text = PlainTextRenderer.render(result.reply)
        #expect(text == """
            iris-classifier in prod: Synced, Healthy at `rev1`
            Argo CD app: velero-test
            Cluster: cloud
            Images: nginx:latest
            Last sync: 2024-03-05T07:33:04Z (Succeeded)
            """)
        let call = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        #expect(call.method == "GET")
        #expect(call.path == "/api/v1/applications/iris-classifier-prod")
        #expect(call.header("Authorization") == "Bearer argo-token")
    }

    @Test("without an environment, every environment of the app is shown in promotion order")
    func statusOfEveryEnvironment() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(Self.application) }
        defer { Task { await fake.stop() } }
        let result = await status(env: nil, fake: fake)
        #expect(result.isSuccess)
        #expect(fake.requests.map(\.path) == ["/api/v1/applications/iris-classifier-dev", "/api/v1/applications/iris-classifier-staging",
                                             "/api/v1/applications/iris-classifier-prod"])
    }

    @Test("error answers become failures that say what failed and what to do", arguments: [
        (401, #"{"error":"invalid session: token is expired","code":16,"message":"invalid session: token is expired"}"#,
         "Argo CD answered 401 for app iris-classifier-prod: the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN) — invalid session: token is expired"),
        (403, #"{"error":"permission denied","code":7,"message":"permission denied"}"#,
         "Argo CD answered 403 for app iris-classifier-prod: the token lacks `get` permission"),
        (404, #"{"error":"applications.argoproj.io \"iris-classifier-prod\" not found","code":5,"message":"applications.argoproj.io \"iris-classifier-prod\" not found"}"#,
         "Argo CD answered 404 for app iris-classifier-prod: there is no such application"),
        (500, "upstream exploded", "Argo CD answered 500 for app iris-classifier-prod: Argo CD failed; try again shortly — upstream exploded"),
        (200, "{not json", "Argo CD's answer for app iris-classifier-prod could not be read"),
    ])
    func errorAnswers(code: Int, body: String, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(body, status: code) }
        defer { Task { await fake.stop() } }
        let result = await status(fake: fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix(expected))
        #expect(fake.requests.count == 1)
    }

    @Test("a read is retried after a gateway error, and gives up with the reason after three tries")
    func readsAreRetried() async throws {
        let calls = Mutex(0)
        let fake = try await FakePlatformAPI.start { _ in
            calls.withLock { count -> Int in count += 1; return count } == 1 ? .json(#"{"message":"upstream connect error"}"#, status: 503) : .json(Self.application)
        }
        defer { Task { await fake.stop() } }
        #expect(await status(fake: fake).isSuccess)
        #expect(fake.requests.count == 2)

        let down = try await FakePlatformAPI.start { _ in .json("{}", status: 502) }
        defer { Task { await down.stop() } }
        let result = await status(fake: down)
        #expect(result.text.hasPrefix("Argo CD answered 502 for app iris-classifier-prod"))
        #expect(down.requests.count == 3)
    }

    @Test("no answer at all is a failure naming the app")
    func unreachable() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json("{}") }
        await fake.stop()
        // A stopped server may refuse at once or leave the client waiting: either is no answer.
        let result = await status(fake: fake, timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Argo CD did not answer for app iris-classifier-prod"))
    }
}
