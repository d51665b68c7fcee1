import ReplyModel
import Testing

@Suite("Cutting text to a platform's limit")
struct TextLimitTests {
    @Test("short text is left alone")
    func shortText() {
        #expect(TextLimit.keepingStart("deploy iris", limit: 100) == "deploy iris")
    }

    @Test("a cut never splits a character and says how much went", arguments: [20, 21, 22, 23, 30, 31])
    func cutsWholeCharacters(limit: Int) {
        let text = String(repeating: "é👩‍🚀ü", count: 40)
        let cut = TextLimit.keepingStart(text, limit: limit + 30)
        #expect(cut.utf16.count <= limit + 30)
        #expect(cut.hasSuffix("more characters cut)"))
        let kept = String(cut.prefix { $0 != "…" })
        #expect(text.hasPrefix(kept))
        // Every kept character is one of the originals: nothing half-cut.
        #expect(kept.allSatisfy { ["é", "👩‍🚀", "ü"].contains($0) })
        let cutCount = Int(cut.split(separator: "(")[1].split(separator: " ")[0])
        #expect(cutCount == text.count - kept.count)
    }

    @Test("a long log keeps its last lines and notes how many went")
    func codeKeepsTail() {
        let log = (1...500).map { "line \($0): something happened" }.joined(separator: "\n")
        let (code, note) = CodeBlockFitting.fit(log, limit: 1000, fenceOverhead: 8)
        #expect(code.utf16.count <= 992)
        #expect(code.hasSuffix("line 500: something happened"))
        #expect(code.split(separator: "\n").allSatisfy { $0.hasPrefix("line ") })
        let dropped = 500 - code.split(separator: "\n").count
        #expect(note == "(the first \(dropped) of 500 lines were cut)")
    }

    @Test("fences inside code cannot close the block")
    func fencesNeutralised() {
        let (code, note) = CodeBlockFitting.fit("a\n```\nrm -rf /\n```", limit: 1000, fenceOverhead: 8)
        #expect(!code.contains("```"))
        #expect(note == nil)
    }

    @Test("one enormous line keeps its end, whole characters only")
    func enormousLine() {
        let line = String(repeating: "€", count: 3000)
        let (code, note) = CodeBlockFitting.fit(line, limit: 100, fenceOverhead: 8)
        #expect(code.utf16.count <= 92)
        #expect(code.hasPrefix("…"))
        #expect(code.dropFirst().allSatisfy { $0 == "€" })
        #expect(note != nil)
    }

    @Test("button identifiers round-trip and nothing else reads as one",
          arguments: ["chatops:approve:42", "chatops:deny:7", "chatops:confirm:3", "chatops:cancel:3", "chatops:retrain:iris-classifier", "chatops:helpful:drift@1", "chatops:unhelpful:incident-rca@12",
                      "chatops:silence:12@1h", "chatops:silence:12@off", "chatops:rerun:3881497935@iris-classifier"])
    func actionIdentifiers(identifier: String) {
        #expect(ReplyAction(identifier: identifier)?.identifier == identifier)
    }

    @Test("foreign or forged identifiers are not actions",
          arguments: ["approve:42", "chatops:approve:", "chatops:approve:-1", "chatops:merge:4", "chatops:approve:4:5",
                      "chatops:approve:99999999999999999999", "chatops:approve:٤٢", "chatops:retrain:", "chatops:retrain:42x;rm",
                      "chatops:retrain:Iris", "chatops:retrain:iris classifier", "chatops:retrain:-iris", "chatops:confirm:iris",
                      "chatops:retrain:drift@1", "chatops:helpful:drift@1;x", "chatops:helpful:",
                      "chatops:rerun:3881497935", "chatops:rerun:@iris", "chatops:rerun:0@iris", "chatops:rerun:12@Iris",
                      "chatops:rerun:12@iris@prod", "chatops:rerun:12@iris;rm", "chatops:rerun:iris@12"])
    func foreignIdentifiers(identifier: String) {
        #expect(ReplyAction(identifier: identifier) == nil)
    }

    @Test("a Re-run button says the full command: the run and the app whose pipeline holds it")
    func rerunCommand() {
        #expect(ReplyAction.rerun(run: 3881497935, app: "iris-classifier").commandText == "rerun run 3881497935 for iris-classifier")
    }
}
