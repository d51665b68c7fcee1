import ChatOpsCore
import ChatOpsTestSupport
import Execution
import KubernetesBackend
import ReplyModel
import Testing

@Suite("Kubernetes logs against a fake API server")
struct KubernetesLogsTests {
    static let currentLog = "starting iris-classifier\nloading model from /models/iris\n"
    static let previousLog = "starting iris-classifier\nTraceback (most recent call last):\nMemoryError\n"

    /// Answers the pod list with `pods`, and each log call with the current or previous tail.
    static func apiServer(pods: [[String: Any]], previous: FakeResponse? = nil) async throws -> FakePlatformAPI {
        let list = KubeFixtures.podList(pods)
        return try await FakePlatformAPI.start { request in
            if request.path.hasSuffix("/pods") { return .json(list) }
            if request.query.contains("previous=true") { return previous ?? FakeResponse(body: Array(previousLog.utf8)) }
            return FakeResponse(headers: ["Content-Type": "text/plain"], body: Array(currentLog.utf8))
        }
    }

    @Test("lists the app's pods by label, tails each started container and the previous container after a crash")
    func tailsCurrentAndPrevious() async throws {
        let fake = try await Self.apiServer(pods: [KubeFixtures.crashLoopPod, KubeFixtures.pendingPod])
        defer { Task { await fake.stop() } }
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(fake)).execute(KubeHarness.input(.logs), progress: NoProgress())
        #expect(result.isSuccess)
        #expect(result.reply.severity == .warning)
        #expect(result.text == """
            Last 100 log lines of iris-classifier in staging (ml-staging/iris-classifier), 2 pods:
            pod my-pod · container main — restarted 3 times, now CrashLoopBackOff:
            starting iris-classifier
            loading model from /models/iris
            previous container (exited: Error, code 1):
            starting iris-classifier
            Traceback (most recent call last):
            MemoryError
            pod hello-world-6b9d85fbd6-klpv2 · container hello-world: not started yet (pod Pending): no log
            """)
        #expect(result.reply.blocks.filter { if case .code = $0 { true } else { false } }.count == 2)
        let requests = fake.requests
        #expect(requests.map(\.method) == ["GET", "GET", "GET"])
        #expect(requests.map(\.path) == ["/api/v1/namespaces/ml-staging/pods", "/api/v1/namespaces/ml-staging/pods/my-pod/log",
                                         "/api/v1/namespaces/ml-staging/pods/my-pod/log"])
        #expect(requests.map(\.query) == ["labelSelector=app%3Diris-classifier", "container=main&tailLines=100",
                                          "container=main&tailLines=100&previous=true"])
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer kube-token" })
    }

    @Test("lines asked are sent as tailLines, capped at 1000", arguments: [(20, "20"), (5000, "1000")])
    func linesAreCapped(asked: Int, sent: String) async throws {
        let fake = try await Self.apiServer(pods: [KubeFixtures.crashLoopPod])
        defer { Task { await fake.stop() } }
        let input = KubeHarness.input(.logs, ["lines": .integer(asked)])
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(fake)).execute(input, progress: NoProgress())
        #expect(result.isSuccess)
        #expect(fake.requests.dropFirst().allSatisfy { $0.query.hasPrefix("container=main&tailLines=\(sent)") })
        #expect(result.text.contains("5000 lines asked, 1000 is the most") == (asked == 5000))
    }

    @Test("a previous container the kubelet no longer has is a note, not a failure")
    func missingPreviousLog() async throws {
        let gone = FakeResponse.json(KubeFixtures.status(400, "BadRequest",
                                                         #"previous terminated container "main" in pod "my-pod" not found"#), status: 400)
        let fake = try await Self.apiServer(pods: [KubeFixtures.crashLoopPod], previous: gone)
        defer { Task { await fake.stop() } }
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(fake)).execute(KubeHarness.input(.logs), progress: NoProgress())
        #expect(result.isSuccess)
        #expect(result.text.hasSuffix("""
            previous container (exited: Error, code 1):
            (no log: previous terminated container "main" in pod "my-pod" not found)
            """))
    }

    @Test("no pod matching the app's labels says so")
    func noPods() async throws {
        let fake = try await Self.apiServer(pods: [])
        defer { Task { await fake.stop() } }
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(fake)).execute(KubeHarness.input(.logs), progress: NoProgress())
        #expect(result.text == "No pods of iris-classifier in staging (ml-staging/iris-classifier) match app=iris-classifier: nothing to show.")
        #expect(result.reply.severity == .warning)
        #expect(fake.requests.count == 1)
    }
}
