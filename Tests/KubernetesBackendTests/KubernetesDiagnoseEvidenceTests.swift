import Approvals
import ChatOpsApp
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import Logging
import RequestStore
import Testing

/// `why is iris slow in prod` through the composition root: besides the pods and events, the
/// diagnosis shows the app's Argo CD application (from a fake Argo CD) and the changes made to it
/// through chatops (from the store), and the root-cause analysis is asked with all of it.
@Suite("diagnose gathers Argo CD's state and the recent changes, with and without a model")
struct KubernetesDiagnoseEvidenceTests {
    static let degraded = ArgoApplicationJSON.with(sync: "Synced", health: "Degraded", revision: "9f8e7d6c5b4a",
                                                   images: ["ghcr.io/acme/iris-classifier:v2.3"])

    /// One fake serving the Kubernetes API (pods, events, logs) and Argo CD (the application).
    static func cluster() async throws -> FakePlatformAPI {
        let kube = KubernetesDiagnoseTests.responder(pods: [KubeFixtures.crashLoopPod])
        return try await FakePlatformAPI.start { request in
            if request.path == "/api/v1/applications/iris-classifier-prod" { return .json(degraded) }
            if request.path.hasSuffix("/log") { return FakeResponse(status: 200, headers: ["Content-Type": "text/plain"],
                                                                    body: Array("panic: model file missing\n".utf8)) }
            return await kube(request)
        }
    }

    static func app(_ cluster: FakePlatformAPI, store: SQLiteApprovalStore, clock: TestClock,
                    extra: [String: String] = [:]) async throws -> ChatOpsApp {
        let folder = try TemporaryDirectory()
        let config = try folder.write("chatops.yaml", try TestBot.configurationText())
        var logger = Logger(label: "diagnose-evidence")
        logger.logLevel = .critical
        let environment = ["CHATOPS_ARGOCD_URL": cluster.baseURL, "CHATOPS_ARGOCD_TOKEN": "argo-token",
                           "CHATOPS_KUBE_API_URL": cluster.baseURL, "CHATOPS_KUBE_TOKEN": "kube-token"].merging(extra) { _, new in new }
        return try await ChatOpsApp.load(AppOptions(configPath: config, rulesPath: RepositoryPaths.rules, promptsPath: RepositoryPaths.prompts,
                                                    store: store, environment: environment, logger: logger, now: { clock.now }))
    }

    /// A deploy of v2.3 over v2.1 in prod 30 minutes ago, asked by alice and approved by bob, as
    /// the bot records one; and a denied one, which changed nothing.
    static func seedChanges(_ store: SQLiteApprovalStore, now: Date) async throws {
        let origin = MessageOrigin(platform: "console", channel: "ops")
        let deploy = ParsedCommand(intent: .deploy, slots: ["app": .string("iris-classifier"), "version": .string("v2.3"),
                                                            "env": .string("prod")], source: .rule, ruleID: nil)
        let asked = now.addingTimeInterval(-1_900)
        let request = try await store.createRequest(NewRequest(command: deploy, requester: "alice", origin: origin, text: "deploy iris v2.3 to prod",
                                                               isDryRun: false, env: "prod"),
                                                    admission: .awaitingApproval(approvers: "prod-approvers", quorum: 1,
                                                                                 expiresAt: asked.addingTimeInterval(3_600)), at: asked)
        _ = try await store.approve(id: request.id, approver: "bob", origin: origin, at: asked.addingTimeInterval(60))
        _ = try await store.claimForExecution(id: request.id, owner: ExecutionOwner(host: "h", pid: 1), leaseUntil: now, at: asked.addingTimeInterval(61))
        try await store.recordExecutionNote(requestID: request.id, key: ChangeNote.previousVersion, value: "v2.1", at: asked.addingTimeInterval(70))
        try await store.recordExecutionNote(requestID: request.id, key: ChangeNote.version, value: "v2.3", at: asked.addingTimeInterval(70))
        _ = try await store.finish(id: request.id, succeeded: true, result: "running", at: now.addingTimeInterval(-1_800))
        let denied = try await store.createRequest(NewRequest(command: deploy, requester: "carol", origin: origin, text: "deploy iris v2.3 to prod",
                                                              isDryRun: false, env: "prod"),
                                                   admission: .refused(reason: "carol may not deploy to prod"), at: now.addingTimeInterval(-600))
        #expect(denied.state == .denied)
    }

    func ask(_ app: ChatOpsApp, _ text: String) async throws -> String {
        let sink = RecordingSink()
        try await app.bot.handle(IncomingMessage(platformUser: "console:alice", origin: MessageOrigin(platform: "console", channel: "ops"),
                                                 text: text, isAddressedByPlatform: true), sink: sink)
        return await sink.texts.joined(separator: "\n")
    }

    @Test("without a model: the Argo CD state and the last change (versions, who asked, who approved) follow the findings")
    func withoutModel() async throws {
        let cluster = try await Self.cluster()
        let clock = TestClock()
        let store = try SQLiteApprovalStore.inMemory()
        try await Self.seedChanges(store, now: clock.now)
        let app = try await Self.app(cluster, store: store, clock: clock)
        let reply = try await ask(app, "why is iris slow in prod")
        await app.shutdown()
        await cluster.stop()
        #expect(reply.contains("Argo CD:\n  iris-classifier in prod: Synced, Degraded at `9f8e7d6` (Argo CD application iris-classifier-prod)"),
                "\(reply)")
        #expect(reply.contains("Images: ghcr.io/acme/iris-classifier:v2.3"))
        #expect(reply.contains("Changes through chatops:\n  #1 deploy v2.1 → v2.3 (succeeded "), "\(reply)")
        #expect(reply.contains("30 min ago), asked by alice, approved by bob"), "\(reply)")
        #expect(!reply.contains("#2"), "a refused request changed nothing and is not listed")
        #expect(cluster.requests.contains { $0.path == "/api/v1/applications/iris-classifier-prod" && $0.header("Authorization") == "Bearer argo-token" })
    }

    @Test("with a model: incident-rca is asked with the pods, the Argo CD state, the change and the log tail, and the answer is kept")
    func withModel() async throws {
        let cluster = try await Self.cluster()
        let gemini = try await FakePlatformAPI.start { _ in .json(FakeGemini.envelope(carrying: "1. The v2.3 deploy 30 minutes ago …")) }
        let clock = TestClock()
        let store = try SQLiteApprovalStore.inMemory()
        try await Self.seedChanges(store, now: clock.now)
        let app = try await Self.app(cluster, store: store, clock: clock,
                                     extra: ["CHATOPS_GEMINI_API_KEY": FakeGemini.apiKey, "CHATOPS_GEMINI_API_URL": gemini.baseURL])
        let reply = try await ask(app, "why is iris slow in prod")
        let kept = try await store.analyses(limit: 5)
        await app.shutdown()
        await cluster.stop()
        await gemini.stop()
        let asked = try #require(gemini.requests.last?.bodyText)
        for evidence in ["Synced, Degraded at `9f8e7d6`", "#1 deploy v2.1 → v2.3", "approved by bob", "panic: model file missing", "CrashLoopBackOff"] {
            #expect(asked.contains(evidence), "the analysis reads \(evidence)")
        }
        #expect(reply.contains("1. The v2.3 deploy 30 minutes ago …"), "\(reply)")
        #expect(kept.map(\.record.promptVersion) == ["incident-rca@1"], "kept with its prompt version")
        #expect(kept.first?.record.subject == "incident-rca app=iris-classifier environment=prod namespace=ml-prod symptom=slow")
    }
}
