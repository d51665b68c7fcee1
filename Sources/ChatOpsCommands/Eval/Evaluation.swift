import ChatOpsCore
import Foundation
import Understanding

/// `chatops eval`: labelled texts through the whole understanding path, and how it did.
struct Evaluation: Sendable {
    /// What the path made of one text, and, when the model was asked, what it was asked and said.
    struct Outcome: Sendable {
        let result: UnderstandingResult
        let trace: String?
    }

    /// One text that was not understood as labelled.
    struct Miss: Sendable {
        let item: LabelledText
        let got: UnderstandingResult
        let kind: String
        let trace: String?
    }

    var total = 0
    /// Per labelled intent: how many, how many found.
    var labelled: [Intent: Int] = [:]
    var found: [Intent: Int] = [:]
    var outOfScope = 0
    var outOfScopeRejected = 0
    var wrongSlots = 0
    /// A change the label does not ask for (another intent, or none at all).
    var falseActions = 0
    var fromModel = 0
    var misses: [Miss] = []

    static func run(_ items: [LabelledText], understand: (String) async -> Outcome) async -> Evaluation {
        var evaluation = Evaluation()
        for item in items { evaluation.add(item, await understand(item.text)) }
        return evaluation
    }

    mutating func add(_ item: LabelledText, _ outcome: Outcome) {
        total += 1
        let got = outcome.result.command
        if got?.source == .llm { fromModel += 1 }
        if let got, got.intent.isMutating, got.intent != item.intent { falseActions += 1 }
        guard let intent = item.intent else {
            outOfScope += 1
            if got == nil { outOfScopeRejected += 1 } else { misses.append(Miss(item: item, got: outcome.result, kind: "not a command", trace: outcome.trace)) }
            return
        }
        labelled[intent, default: 0] += 1
        guard let got, got.intent == intent else {
            misses.append(Miss(item: item, got: outcome.result, kind: got == nil ? "missed" : "wrong intent", trace: outcome.trace))
            return
        }
        found[intent, default: 0] += 1
        if item.slots.contains(where: { got.slots[$0.key] != $0.value }) {
            wrongSlots += 1
            misses.append(Miss(item: item, got: outcome.result, kind: "wrong slots", trace: outcome.trace))
        }
    }

    /// The report: per-intent recall, out-of-scope rejection, wrong slots, false actions, then
    /// each miss with what the model was asked and answered.
    var report: String {
        var lines = ["intent       texts  found  recall"]
        for intent in Intent.allCases where labelled[intent] != nil {
            let count = labelled[intent] ?? 0, hits = found[intent] ?? 0
            lines.append(intent.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + String(format: " %5d  %5d  %5.1f%%", count, hits, Self.percent(hits, count)))
        }
        let commands = labelled.values.reduce(0, +), hits = found.values.reduce(0, +)
        lines.append(String(format: "all          %5d  %5d  %5.1f%%", commands, hits, Self.percent(hits, commands)))
        lines.append(String(format: "not a command: %d, rejected %d (%.1f%%)", outOfScope, outOfScopeRejected,
                            Self.percent(outOfScopeRejected, outOfScope)))
        lines.append("wrong slots: \(wrongSlots)")
        lines.append("false actions: \(falseActions)")
        lines.append("understood by the model: \(fromModel) of \(total)")
        for miss in misses {
            lines.append("")
            lines.append("line \(miss.item.line) (\(miss.kind)): \(miss.item.text)")
            lines.append("  expected: \(miss.item.intent?.rawValue ?? "not a command")"
                         + (miss.item.slots.isEmpty ? "" : " " + JSONText.object(miss.item.slots)))
            lines.append("  got: " + ParseOutput.human(miss.got))
            if let trace = miss.trace { lines.append(contentsOf: trace.components(separatedBy: "\n").map { "  " + $0 }) }
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 100 : Double(part) * 100 / Double(whole) }
}
