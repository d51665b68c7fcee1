import ChatOpsCore
import Execution
import Foundation

extension ChatBot {
    /// Runs a read-only command on the bot's own behalf (an incident's evidence: `diagnose`), with
    /// no request, policy or approval — reads only: a mutating intent is refused.
    public func investigate(_ command: ParsedCommand) async -> ExecutionResult {
        guard !command.intent.isMutating else {
            return .failed("\(command.intent.rawValue) changes things: only a person's request may run it")
        }
        let input = ExecutionInput(requestID: nil, command: command, requester: "chatops", channel: nil, isDryRun: isDryRun)
        return await runner.run(input, progress: SilentProgress())
    }
}

/// Progress nobody watches.
struct SilentProgress: ProgressReporter {
    func report(_ text: String) async {}
}
