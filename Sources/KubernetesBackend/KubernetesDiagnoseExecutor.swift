import Execution
import ReplyModel

/// `what's wrong with APP in ENV`: pods (phase, ready, restarts, last termination, waiting
/// reason, age) and the recent events of the deployment and its pods, with what they mean.
public struct KubernetesDiagnoseExecutor: Executor {
    let context: KubernetesContext

    public init(context: KubernetesContext) {
        self.context = context
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        context.plan(input) { target in
            let requests = context.client.requests
            return [requests.listPods(namespace: target.namespace, selector: target.selector).planLine,
                    requests.listEvents(namespace: target.namespace, involving: target.deployment).planLine,
                    requests.listEvents(namespace: target.namespace, involving: "POD").planLine
                        + " for each of up to \(DiagnosisCollector.maxPodsForEvents) pods"]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        switch await diagnose(input) {
        case .success(let diagnosis): return .succeeded(diagnosis.reply(now: context.now()))
        case .failure(let problem): return .failed(.text(problem.text, severity: .failure))
        }
    }

    /// The facts alone, for whatever reasons about them next (the AI root-cause analysis).
    public func diagnose(_ input: ExecutionInput) async -> Result<KubernetesDiagnosis, KubernetesRefusal> {
        let target: KubeTarget
        switch context.target(input) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): target = found
        }
        do {
            return .success(try await DiagnosisCollector(client: context.client).collect(target, symptom: input.string("symptom")))
        } catch {
            return .failure(KubernetesRefusal("\(error)"))
        }
    }
}
