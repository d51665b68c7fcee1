import Execution
import ReplyModel

/// `restart APP in ENV`: what `kubectl rollout restart` does — stamps the pod template with
/// `kubectl.kubernetes.io/restartedAt`, so the deployment replaces its pods by its rolling update.
public struct KubernetesRestartExecutor: Executor {
    let context: KubernetesContext

    public init(context: KubernetesContext) {
        self.context = context
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        context.plan(input) { target in
            [target.client.requests.patchRestartedAt(namespace: target.namespace, deployment: target.deployment, at: context.now()).planLine]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        await context.run(input) { target in
            let at = context.now()
            do {
                try await target.client.restart(namespace: target.namespace, deployment: target.deployment, at: at)
            } catch {
                return .failed("\(error)")
            }
            return .succeeded("Restarting \(target.summary) (restartedAt \(RFC3339.format(at))): new pods roll out before the old "
                              + "ones stop, as the deployment's rolling update allows. Say `diagnose \(target.app) in \(target.env)` to watch.")
        }
    }
}
