import Execution
import ReplyModel

/// `scale APP to N in ENV`: reads the deployment's scale, then merge-patches the scale
/// subresource as `kubectl scale` does. 0 to 50 replicas.
public struct KubernetesScaleExecutor: Executor {
    let context: KubernetesContext
    static let replicaRange = 0...50

    public init(context: KubernetesContext) {
        self.context = context
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        context.plan(input) { target in
            switch replicas(input, target) {
            case .failure(let refusal): return ["refuse: \(refusal.text)"]
            case .success(let replicas):
                let requests = target.client.requests
                return [requests.getScale(namespace: target.namespace, deployment: target.deployment).planLine,
                        requests.patchScale(namespace: target.namespace, deployment: target.deployment, replicas: replicas).planLine]
            }
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        await context.run(input) { target in
            switch replicas(input, target) {
            case .failure(let refusal): return .failed(refusal.text)
            case .success(let replicas): return await scale(target, to: replicas)
            }
        }
    }

    func scale(_ target: KubeTarget, to replicas: Int) async -> ExecutionResult {
        let client = target.client
        do {
            let before = try await client.replicas(namespace: target.namespace, deployment: target.deployment)
            if before == replicas {
                return .succeeded("\(target.summary) already has \(replicas) replicas; nothing was changed.")
            }
            let after = try await client.scale(namespace: target.namespace, deployment: target.deployment, to: replicas)
            return .succeeded("Scaled \(target.summary): \(before) → \(after) replicas.")
        } catch {
            return .failed("\(error)")
        }
    }

    /// The `replicas` slot, when it is there and within 0…50.
    func replicas(_ input: ExecutionInput, _ target: KubeTarget) -> Result<Int, KubernetesRefusal> {
        let range = Self.replicaRange
        guard let replicas = input.integer("replicas") else {
            return .failure(KubernetesRefusal("Say how many replicas (\(range.lowerBound)–\(range.upperBound))."))
        }
        guard range.contains(replicas) else {
            return .failure(KubernetesRefusal("\(replicas) replicas is out of range: scale \(target.app) to between "
                                              + "\(range.lowerBound) and \(range.upperBound) replicas."))
        }
        return .success(replicas)
    }
}
