import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import ReplyModel
import Synchronization
import Testing

/// An analyst at the seam that records what it was asked and answers a fixed text: what the
/// diagnose executor hands over (the client code under it is tested with the fake Gemini elsewhere).
final class RecordingAnalyst: Analyst {
    let asked = Mutex<[AnalysisRequest]>([])
    let answer: AnalysisOutcome

    init(answer: AnalysisOutcome) { self.answer = answer }

    func analyse(_ request: AnalysisRequest) async -> AnalysisOutcome {
        asked.withLock { $0.append(request) }
        return answer
    }
}

@Suite("diagnose with the AI analyst: pods, events and the least healthy pod's log tail go to incident-rca")
struct KubernetesDiagnoseAnalysisTests {
    @Test("the analysis follows the findings; the evidence, with the crash-looping pod's current and previous log, is collapsed")
    func analysed() async throws {
        let base = KubernetesDiagnoseTests.responder(pods: [KubeFixtures.pendingPod, KubeFixtures.crashLoopPod])
        let logs = try await FakePlatformAPI.start { request in
            if request.path.hasSuffix("/log") {
                let previous = request.query.contains("previous=true")
                return FakeResponse(status: 200, headers: ["Content-Type": "text/plain"],
                                    body: Array((previous ? "panic: config key model_path missing\n" : "starting server\n").utf8))
            }
            return await base(request)
        }
        defer { Task { await logs.stop() } }
        let analyst = RecordingAnalyst(answer: .analysed(text: "1. The config lost model_path …", model: "gemini-2.5-flash-lite",
                                                          promptVersion: "incident-rca@1"))
        let context = KubernetesContext(client: KubeHarness.client(logs), catalog: KubernetesDiagnoseTests.catalog,
                                        namespaces: NamespaceAllowList(["default"], source: "test"), analyst: analyst)
        let input = KubeHarness.input(.diagnose, app: "hello-world", ["symptom": .string("slow")])
        let result = await KubernetesDiagnoseExecutor(context: context).execute(input, progress: NoProgress())
        #expect(result.isSuccess)
        let request = try #require(analyst.asked.withLock { $0.first })
        #expect(request.prompt == "incident-rca")
        #expect(request.values["app"] == .text("hello-world") && request.values["symptom"] == .text("slow"))
        #expect(request.evidence.contains("my-pod/main is in CrashLoopBackOff"))
        #expect(request.evidence.contains("Log tail of my-pod:"), "the crash-looping pod, not the pending one")
        #expect(request.evidence.contains("panic: config key model_path missing"), "its previous container's log")
        let blocks = result.reply.blocks
        #expect(blocks[2] == .text("AI analysis (gemini-2.5-flash-lite, incident-rca@1); check it against the evidence:"))
        #expect(blocks[3] == .text("1. The config lost model_path …"))
        #expect(blocks.contains(.evidence(title: "Evidence: pods, events, Argo CD, recent changes and the least healthy pod's log tail", body: request.evidence)))
        #expect(result.reply.buttons.map(\.action) == [.feedback(helpful: true, prompt: "incident-rca@1"),
                                                       .feedback(helpful: false, prompt: "incident-rca@1")])
    }
}
