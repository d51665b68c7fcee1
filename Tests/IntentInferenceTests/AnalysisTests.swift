import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import Testing

/// The AI analyses next to the evidence: `drift` against a fake MLflow (the captured MLflow 3.17.2
/// answers, copied from the model backend's fixtures) with the `drift` prompt sent to the fake
/// Gemini; the evidence stays in the answer, collapsed.
@Suite("AI analyses: the prompt's answer next to the evidence", .serialized)
struct AnalysisTests {
    static func fixture(_ name: String) -> String {
        try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"),
                    encoding: .utf8)
    }

    static func mlflow() async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { request in
            switch request.path {
            case "/api/2.0/mlflow/experiments/get-by-name": return .json(fixture("experiments-get-by-name.response.json"))
            case "/api/2.0/mlflow/runs/search": return .json(fixture("runs-search.response.json"))
            default: return .json(#"{"error_code":"ENDPOINT_NOT_FOUND","message":"no such endpoint"}"#, status: 404)
            }
        }
    }

    static let analysis = """
        1. Classification: Model decay, P2 — accuracy fell 1.15% from the best earlier run.
        2. Causes: a different regularisation (C=10.0) overfits; a changed validation split; noise.
        3. Actions: immediate — none; short term — compare the runs' parameters; long term — track drift per release.
        4. Retrain: Wait — the drop is within noise; check the validation split first.
        """

    @Test("drift: the numbers, the drift analysis from the drift prompt, and the runs as collapsed evidence")
    func driftAnalysis() async throws {
        let mlflow = try await Self.mlflow()
        let h = try await ModelHarness.start(environment: ["CHATOPS_MLFLOW_URL": mlflow.baseURL], realIntents: [.drift])
        h.script(Self.analysis)
        let replies = try await h.say("alice", "check drift for iris")
        await h.stop()
        await mlflow.stop()
        #expect(replies.contains("iris-classifier: accuracy dropped 1.15% against the baseline — P2"), "\(replies)")
        #expect(replies.contains("AI analysis (gemini-2.5-flash-lite, drift@1); check it against the evidence:"))
        #expect(replies.contains("4. Retrain: Wait"))
        #expect(replies.contains("Evidence: the MLflow runs compared:\niris-classifier: accuracy dropped"))
        let asked = try #require(h.gemini.requests.first?.json)
        let system = try #require(((asked["systemInstruction"] as? [String: Any])?["parts"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(system.contains("Classification: Data drift, Concept drift, or Model decay"))
        let user = try #require(((asked["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(user.contains("Model: iris-classifier"))
        #expect(user.contains("Metric: accuracy (baseline 0.9667"), "\(user)")
        #expect(user.contains("Current run: logreg-C10.0"), "the evidence is in the prompt")
        #expect(user.contains("Trend over the last runs, oldest first: 0.9333, 0.9667 (baseline), 0.9556 (latest)"), "\(user)")
        #expect(replies.contains("Trend: ▁[█]▆ (3 runs, oldest first; [ ] is the baseline)"))
        #expect(asked["generationConfig"].flatMap { ($0 as? [String: Any])?["responseSchema"] } == nil, "prose, not a schema")
    }

    @Test("each analysis carries Helpful / Not helpful; votes count once per person per conversation, per prompt version")
    func feedback() async throws {
        let mlflow = try await Self.mlflow()
        let h = try await ModelHarness.start(environment: ["CHATOPS_MLFLOW_URL": mlflow.baseURL], realIntents: [.drift])
        h.script(Self.analysis)
        let replies = try await h.say("alice", "check drift for iris")
        #expect(replies.contains("Reply `helpful drift@1` or `unhelpful drift@1`."), "\(replies)")
        #expect(try await h.say("alice", "helpful drift@1") == "Thanks, alice: recorded that the drift@1 analysis was helpful.")
        #expect(try await h.say("alice", "helpful drift@1") == "You already said the drift@1 analysis was helpful; it counts once.")
        #expect(try await h.say("alice", "unhelpful drift@1") == "Thanks, alice: your vote on the drift@1 analysis is now not helpful.")
        _ = try await h.say("bob", "helpful drift@1")
        _ = try await h.say("bob", "helpful drift@1", channel: "another")
        let stranger = try await h.say("mallory", "helpful drift@1")
        #expect(stranger.contains("Only people in this bot's configuration can vote"))
        let counts = try await h.app.store.feedbackCounts()
        let kept = try await h.app.store.analyses(limit: 10)
        await h.stop()
        await mlflow.stop()
        #expect(counts.map(\.promptVersion) == ["drift@1"])
        #expect(counts.first?.helpful == 2 && counts.first?.unhelpful == 1, "\(counts)")
        #expect(counts.first?.answers == 1, "the analysis is kept with its prompt version: \(counts)")
        #expect(kept.count == 1)
        #expect(kept.first?.record.promptVersion == "drift@1")
        #expect(kept.first?.record.subject.hasPrefix("drift ") == true, "\(String(describing: kept.first?.record.subject))")
        #expect(kept.first.map { replies.contains($0.record.text) } == true, "what was shown is what was kept")
    }

    @Test("without an answer from the model, the evidence alone is the answer, and says why there is no analysis")
    func driftWithoutModel() async throws {
        let mlflow = try await Self.mlflow()
        let h = try await ModelHarness.start(environment: ["CHATOPS_MLFLOW_URL": mlflow.baseURL], realIntents: [.drift], respond: { _ in
            .json(#"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#, status: 503)
        })
        let replies = try await h.say("alice", "check drift for iris")
        await h.stop()
        await mlflow.stop()
        #expect(replies.contains("iris-classifier: accuracy dropped 1.15% against the baseline — P2"))
        #expect(replies.contains("No AI analysis: it is not answering."), "\(replies)")
    }
}
