import Approvals
import ArgumentParser
import Foundation
import ReplyModel

/// `chatops feedback`: the Helpful / Not helpful votes on AI analyses, per prompt version, so a
/// change of wording can be judged by what people said of each version.
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Print the AI analyses and the votes on them per prompt version (answers, helpful, not helpful, share helpful)."
    )

    @OptionGroup var setup: SetupOptions

    func run() async throws {
        try await reportingSetupErrors {
            let store = try setup.openExistingStore(try setup.loadConfiguration())
            let counts = try await store.feedbackCounts()
            guard !counts.isEmpty else {
                print("no analyses or votes yet: each AI analysis is kept with its prompt version and carries Helpful / "
                      + "Not helpful buttons (on GitHub: /helpful PROMPT@N)")
                return
            }
            let rows = counts.map { count -> [String] in
                let total = count.helpful + count.unhelpful
                let share = total == 0 ? "-" : String(format: "%.0f%%", Double(count.helpful) * 100 / Double(total))
                return [count.promptVersion, String(count.answers), String(count.helpful), String(count.unhelpful), share]
            }
            print(TableLayout.lines(headers: ["prompt", "answers", "helpful", "not helpful", "helpful share"], rows: rows)
                .joined(separator: "\n"))
        }
    }
}
