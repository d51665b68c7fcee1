import ChatOpsCore
import Foundation

/// One line of a labelled set: `{"text":"deploy v2.3 to prod","intent":"deploy","slots":{"version":"v2.3","env":"prod"}}`;
/// `intent` null for a text that is not a command.
struct LabelledText: Sendable {
    let line: Int
    let text: String
    let intent: Intent?
    /// The slots the label names, as JSON values (only these are compared).
    let slots: [String: SlotValue]

    /// Reads JSON Lines; blank lines and lines starting with `#` are skipped. Errors name the line.
    static func read(_ contents: String, file: String) throws -> [LabelledText] {
        var out: [LabelledText] = []
        for (index, raw) in contents.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append(try parse(line, at: index + 1, file: file))
        }
        return out
    }

    static func parse(_ line: String, at number: Int, file: String) throws -> LabelledText {
        func fail(_ problem: String) -> SetupError { SetupError(message: "\(file):\(number): \(problem)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            throw fail("not a JSON object; each line is {\"text\":…,\"intent\":…,\"slots\":{…}}")
        }
        guard let text = object["text"] as? String else { throw fail("no \"text\" string") }
        var intent: Intent?
        if let name = object["intent"] as? String {
            guard let known = Intent(rawValue: name) else { throw fail("\"\(name)\" is not an intent of the catalog") }
            intent = known
        } else if object["intent"] != nil, !(object["intent"] is NSNull) {
            throw fail("\"intent\" must be a catalog intent or null")
        }
        var slots: [String: SlotValue] = [:]
        for (name, value) in object["slots"] as? [String: Any] ?? [:] {
            guard let slot = slotValue(value) else { throw fail("slot \"\(name)\" must be a string, a whole number or a list of numbers") }
            slots[name] = slot
        }
        return LabelledText(line: number, text: text, intent: intent, slots: slots)
    }

    static func slotValue(_ value: Any) -> SlotValue? {
        if let text = value as? String { return .string(text) }
        if let numbers = value as? [NSNumber] { return .numbers(numbers.map(\.doubleValue)) }
        if let number = value as? NSNumber {
            let double = number.doubleValue
            return double.rounded() == double ? .integer(Int(double)) : .numbers([double])
        }
        return nil
    }
}
