import Execution

/// What approvers see for a change on Kubernetes, read from the API server: "payments-api in
/// prod: 3 → 5 replicas". When the read fails, the intended change and why it is missing.
extension KubernetesScaleExecutor {
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        guard case .success(let target) = context.target(input), case .success(let replicas) = replicas(input, target) else {
            return ChangePreview(lines: plan(input))
        }
        let change = "scale \(target.namespace)/\(target.deployment) to \(replicas) replicas"
        do {
            let now = try await target.client.replicas(namespace: target.namespace, deployment: target.deployment)
            return ChangePreview(headline: "\(target.app) in \(target.env): \(now) → \(replicas) replicas", lines: [change])
        } catch {
            return ChangePreview(headline: "\(target.app) in \(target.env): → \(replicas) replicas", lines: [change],
                                 liveReadProblem: "\(error)")
        }
    }
}

extension KubernetesRestartExecutor {
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        guard case .success(let target) = context.target(input) else { return ChangePreview(lines: plan(input)) }
        let change = "restart \(target.namespace)/\(target.deployment) (rolling: new pods before old ones stop)"
        do {
            let pods = try await target.client.pods(namespace: target.namespace, selector: target.selector)
            return ChangePreview(headline: "\(target.app) in \(target.env): replace its \(pods.count) pod\(pods.count == 1 ? "" : "s")",
                                 lines: [change])
        } catch {
            return ChangePreview(headline: "\(target.app) in \(target.env): a rolling restart", lines: [change], liveReadProblem: "\(error)")
        }
    }
}
