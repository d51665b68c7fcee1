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
            let requests = target.client.requests
            return [requests.listPods(namespace: target.namespace, selector: target.selector).planLine,
                    requests.listEvents(namespace: target.namespace, involving: target.deployment).planLine,
                    requests.listEvents(namespace: target.namespace, involving: "POD").planLine
                        + " for each of up to \(DiagnosisCollector.maxPodsForEvents) pods"]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let diagnosis: KubernetesDiagnosis
        switch await diagnose(input) {
        case .success(let found): diagnosis = found
        case .failure(let problem): return .failed(.text(problem.text, severity: .failure))
        }
        let facts = diagnosis.reply(now: context.now())
        let gathered = await GatheredEvidence.gather(from: context.evidence, app: diagnosis.app, environment: diagnosis.env)
        // The summary and findings first, then what the other modules know (a recent sync or
        // deploy is the usual suspect), then the tables.
        let lead = Array(facts.blocks.prefix(2))
        let related: [ReplyBlock] = gathered.isEmpty ? [] : [.text(gathered.text)]
        guard let analyst = context.analyst else {
            return .succeeded(Reply(facts.severity, lead + related + facts.blocks.dropFirst(2)))
        }
        await progress.report("asking the AI analyst about \(diagnosis.app) in \(diagnosis.env)…")
        let evidence = [PlainTextRenderer.render(facts), gathered.text, await logEvidence(input)]
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
        var values: [String: AnalysisValue] = ["app": .text(diagnosis.app), "environment": .text(diagnosis.env),
                                               "namespace": .text(diagnosis.namespace)]
        if let symptom = diagnosis.symptom { values["symptom"] = .text(symptom) }
        let analysis = await analyst.analyse(AnalysisRequest(prompt: "incident-rca", values: values, evidence: evidence))
        // The analysis after the summary, the tables and log tail as collapsed evidence.
        return .succeeded(Reply(facts.severity, lead + related + analysis.blocks
                                + [.evidence(title: "Evidence: pods, events, Argo CD, recent changes and the least healthy pod's log tail",
                                             body: evidence)]))
    }

    /// The last lines of the least healthy pod's logs (most restarts, then not ready), with its
    /// previous container's when it restarted: what the root-cause analysis reads besides the events.
    func logEvidence(_ input: ExecutionInput) async -> String {
        guard case .success(let target) = context.target(input) else { return "" }
        do {
            let pods = try await target.client.pods(namespace: target.namespace, selector: target.selector)
            guard let worst = pods.max(by: { Self.trouble($0) < Self.trouble($1) }) else {
                return "No pods: no logs."
            }
            var reply = Reply(.info, [.text("Log tail of \(worst.metadata.name):")])
            try await KubernetesLogsExecutor(context: context).append(worst, lines: Self.logLines, target: target, to: &reply)
            return PlainTextRenderer.render(reply)
        } catch {
            return "The log tails could not be read: \(error)"
        }
    }

    static let logLines = 50

    /// Restarts, then containers not ready: the bigger, the less healthy.
    static func trouble(_ pod: Pod) -> (Int, Int) {
        let statuses = pod.status?.containerStatuses ?? []
        return (statuses.reduce(0) { $0 + ($1.restartCount ?? 0) }, statuses.filter { $0.ready != true }.count)
    }

    /// The facts alone, for whatever reasons about them next (the AI root-cause analysis).
    public func diagnose(_ input: ExecutionInput) async -> Result<KubernetesDiagnosis, KubernetesRefusal> {
        let target: KubeTarget
        switch context.target(input) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): target = found
        }
        do {
            return .success(try await DiagnosisCollector(client: target.client).collect(target, symptom: input.string("symptom")))
        } catch {
            return .failure(KubernetesRefusal("\(error)"))
        }
    }
}
