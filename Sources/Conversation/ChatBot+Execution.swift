import Approvals
import ChatOpsCore
import ChatOpsMetrics
import Execution
import Foundation

extension ChatBot {
    /// Claims an approved request (exactly one caller wins), runs it while renewing its lease,
    /// records the result, and replies in the request's thread.
    /// `origin`: the id of the inbound request that made it (logged with its steps).
    func execute(_ request: StoredRequest, sink: any ReplySink, origin: String?) async throws {
        let claimed: StoredRequest
        switch try await store.claimForExecution(id: request.id, owner: owner, leaseUntil: now().addingTimeInterval(lease), at: now()) {
        case .claimed(let r): claimed = r
        case .frozen(let r, let record):
            await sink.send(Replies.cancelledByFreeze(r, record), to: r.origin)
            await discard(r, sink: sink)
            return
        case .expired(let r):
            await discard(r, sink: sink)
            return  // its notice (in the store) tells the thread why it did not run
        case .notApproved, .notFound:
            return  // someone else claimed it, or it was cancelled meanwhile
        }
        crashpoint.reach("after-claim")
        logRequest("running", claimed, origin: origin)
        if claimed.intent.actsOnTargetSystem {
            await sink.send(Replies.running(claimed), to: claimed.origin)
        }
        let result = await withLeaseRenewal(claimed) {
            await run(claimed, progress: ThreadProgress(sink: sink, origin: claimed.origin))
        }
        crashpoint.reach("before-finish")
        BotMetrics.command(claimed.command, outcome: result.isSuccess ? "succeeded" : "failed")
        logRequest("finished", claimed, origin: origin, ["outcome": "\(result.isSuccess ? "succeeded" : "failed")"])
        let finished = try await store.finish(id: claimed.id, succeeded: result.isSuccess, result: result.text, at: now())
        await sink.send(Replies.finished(finished, result.reply, succeeded: result.isSuccess), to: finished.origin)
    }

    func run(_ request: StoredRequest, progress: any ProgressReporter) async -> ExecutionResult {
        switch request.intent {
        case .freeze, .unfreeze:
            do { return try await switchFreeze(request) } catch { return .failed("the store failed: \(error)") }
        default:
            return await runner.run(executionInput(request), progress: progress)
        }
    }

    /// Renews the lease every third of its length while `body` runs, so recovery in another
    /// process can tell a live execution from one whose process died.
    func withLeaseRenewal(_ request: StoredRequest, _ body: @Sendable () async -> ExecutionResult) async -> ExecutionResult {
        await withTaskGroup(of: ExecutionResult?.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(lease / 3))
                    if Task.isCancelled { break }
                    try? await store.renewLease(id: request.id, owner: owner, until: now().addingTimeInterval(lease))
                }
                return nil
            }
            let result = await body()
            group.cancelAll()
            return result
        }
    }
}

/// Progress from an executor, posted in the request's thread.
struct ThreadProgress: ProgressReporter {
    let sink: any ReplySink
    let origin: MessageOrigin

    func report(_ text: String) async {
        await sink.send(.text(text), to: origin)
    }
}
