/// Gathers the facts of a diagnosis: the pods by the app's selector, then the events of the
/// deployment and of each pod (a few pods at most), newest first.
struct DiagnosisCollector {
    static let maxPodsForEvents = 5
    static let maxEvents = 15

    let client: KubernetesClient

    func collect(_ target: KubeTarget, symptom: String?) async throws(KubernetesError) -> KubernetesDiagnosis {
        let pods = try await client.pods(namespace: target.namespace, selector: target.selector)
        var events = try await client.events(namespace: target.namespace, involving: target.deployment)
        for pod in pods.prefix(Self.maxPodsForEvents) where KubeName.isValid(pod.metadata.name) {
            events += try await client.events(namespace: target.namespace, involving: pod.metadata.name)
        }
        // RFC 3339 UTC times sort as text; ties keep the order they were read in.
        let newestFirst = events.map(EventFacts.init).enumerated().sorted { a, b in
            (a.element.lastSeen ?? "", b.offset) > (b.element.lastSeen ?? "", a.offset)
        }.map(\.element)
        let facts = pods.map(PodFacts.init)
        let assessment = DiagnosisFindings.assess(pods: facts, events: newestFirst, selector: target.selector)
        return KubernetesDiagnosis(app: target.app, env: target.env, namespace: target.namespace, deployment: target.deployment,
                                   selector: target.selector, symptom: symptom, pods: facts,
                                   events: Array(newestFirst.prefix(Self.maxEvents)), findings: assessment.findings,
                                   severity: assessment.severity)
    }
}
