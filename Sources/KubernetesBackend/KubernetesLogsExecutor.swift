import Execution
import ReplyModel

/// `logs for APP in ENV [N lines]`: the tail of every container of the app's pods (a few pods at
/// most), and the previous container's tail where one restarted. Logs go in code blocks, which keep
/// their last lines when a platform must cut them.
public struct KubernetesLogsExecutor: Executor {
    let context: KubernetesContext
    static let defaultLines = 100
    static let maxLines = 1000
    static let maxPods = 3

    public init(context: KubernetesContext) {
        self.context = context
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        context.plan(input) { target in
            let example = target.client.requests.podLog(namespace: target.namespace, pod: "POD", container: "CONTAINER",
                                                         tailLines: Self.lines(input), previous: false)
            return [target.client.requests.listPods(namespace: target.namespace, selector: target.selector).planLine,
                    example.planLine + " for each container of up to \(Self.maxPods) pods (and &previous=true after a restart)"]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        await context.run(input) { target in await logs(target, input) }
    }

    func logs(_ target: KubeTarget, _ input: ExecutionInput) async -> ExecutionResult {
        let lines = Self.lines(input)
        do {
            let pods = try await target.client.pods(namespace: target.namespace, selector: target.selector)
            guard !pods.isEmpty else {
                return .succeeded(.text("No pods of \(target.summary) match \(target.selector): nothing to show.", severity: .warning))
            }
            var heading = "Last \(lines) log lines of \(target.summary), \(pods.count) pod" + (pods.count == 1 ? "" : "s")
            if pods.count > Self.maxPods { heading += " (showing the first \(Self.maxPods))" }
            if let asked = input.integer("lines"), asked > Self.maxLines { heading += "; \(asked) lines asked, \(Self.maxLines) is the most" }
            var reply = Reply(.info, [.text(heading + ":")])
            for pod in pods.prefix(Self.maxPods) {
                try await append(pod, lines: lines, target: target, to: &reply)
            }
            return .succeeded(reply)
        } catch {
            return .failed(.text("\(error)", severity: .failure))
        }
    }

    func append(_ pod: Pod, lines: Int, target: KubeTarget, to reply: inout Reply) async throws(KubernetesError) {
        guard KubeName.isValid(pod.metadata.name) else {
            reply.blocks.append(.text("pod '\(pod.metadata.name)': not a valid pod name, skipped"))
            return
        }
        for container in pod.containerNames {
            let plan = ContainerLogPlan(pod: pod, container: container)
            guard plan.hasStarted else {
                reply.blocks.append(.text("\(plan.heading(pod: pod.metadata.name)): \(plan.notStartedNote)"))
                continue
            }
            if plan.restarts > 0 { reply.severity = .warning }
            reply.blocks.append(.text(plan.heading(pod: pod.metadata.name) + ":"))
            reply.blocks.append(try await tail(pod.metadata.name, container, lines, previous: false, target))
            if plan.readsPrevious {
                reply.blocks.append(.text(plan.previousHeading + ":"))
                reply.blocks.append(try await tail(pod.metadata.name, container, lines, previous: true, target))
            }
        }
    }

    /// One log tail as a code block; a container the API server has no log for (400, 404) is a note, not a failure.
    func tail(_ pod: String, _ container: String, _ lines: Int, previous: Bool, _ target: KubeTarget) async throws(KubernetesError)
        -> ReplyBlock {
        do {
            let log = try await target.client.log(namespace: target.namespace, pod: pod, container: container, tailLines: lines,
                                                   previous: previous)
            let trimmed = log.hasSuffix("\n") ? String(log.dropLast()) : log
            return .code(trimmed.isEmpty ? "(no output)" : trimmed)
        } catch {
            guard case .api(let failure) = error, let code = failure.status, code == 400 || code == 404 else { throw error }
            return .text("(no log: \(failure.message.isEmpty ? "HTTP \(code)" : failure.message))")
        }
    }

    /// `lines`, default 100, at least 1 and at most 1000.
    static func lines(_ input: ExecutionInput) -> Int {
        min(max(input.integer("lines") ?? defaultLines, 1), maxLines)
    }
}
