import ChatOpsCore
import LanguageModels
import Understanding

/// The answer the intent prompt asks for, as a JSON Schema in the subset Gemini's
/// `responseSchema` and OpenAI's `json_schema` both accept: one intent from the catalog (those
/// the model may propose) or `none`, slots by the catalog's names, all text, a confidence and a
/// one-line paraphrase. Generated from the catalog, so a new intent or slot is in it at once.
enum IntentSchema {
    static var proposable: [Intent] { Intent.catalog.filter { !ProposalValidator.notInferable.contains($0) } }

    static var slotNames: [String] {
        var seen: [String] = []
        for intent in proposable { for slot in intent.slots where !seen.contains(slot.name) { seen.append(slot.name) } }
        return seen
    }

    static var schema: JSONValue {
        let slots = Dictionary(uniqueKeysWithValues: slotNames.map { ($0, JSONValue.object(["type": .string("string")])) })
        return .object([
            "type": .string("object"),
            "properties": .object([
                "intent": .object(["type": .string("string"),
                                   "enum": .array((proposable.map(\.rawValue) + ["none"]).map(JSONValue.string))]),
                "slots": .object(["type": .string("object"), "properties": .object(slots)]),
                "confidence": .object(["type": .string("number")]),
                "paraphrase": .object(["type": .string("string")]),
            ]),
            "required": .array(["intent", "slots", "confidence", "paraphrase"].map(JSONValue.string)),
        ])
    }
}
