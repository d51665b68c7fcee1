import ChatOpsCore
import Testing
import Understanding

/// "Roll back to the previous version" names no version: it is the rollback's default (what a
/// small local model answered as `to=previous`), not a bad version.
@Suite("rolling back to the previous version")
struct PreviousVersionTests {
    @Test("previous, last, prior: the rollback's own default", arguments: ["previous", "the previous version", "last", "prior", "Last Good"])
    func previous(word: String) throws {
        let slots = try ShippedSetup.classifier.normalizer.normalize(["app": "payments", "env": "prod", "to": word], intent: .rollback,
                                                                     channel: nil).get()
        #expect(slots == ["app": .string("payments-api"), "env": .string("prod")])
    }

    @Test("anything else in `to` is still checked as a version")
    func notAVersion() {
        let result = ShippedSetup.classifier.normalizer.normalize(["app": "payments", "env": "prod", "to": "yesterday"], intent: .rollback,
                                                                  channel: nil)
        #expect(result == .failure(SlotProblem(slot: "to", message: "'yesterday' is not a version (write it like v2.3 or 2.3.1)")))
    }
}
