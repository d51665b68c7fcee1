import ChatOpsCore
import YAMLSupport

/// Reads and checks one rule entry of a rule file.
struct RuleReader {
    let template: PatternTemplate

    static let keys = ["id", "intent", "description", "pattern", "patterns", "set", "case_sensitive", "examples", "counterexamples"]

    func read(_ item: YAMLValue) throws(RuleLoadError) -> Rule {
        do {
            let m = try item.mapping()
            try m.rejectUnknownKeys(allowed: Self.keys)
            let idNode = try m.required("id")
            let id = try idNode.string()
            guard Self.isValidID(id) else {
                throw idNode.error("rule id '\(id)' must be lower-case letters, digits, '.', '-' or '_' (e.g. deploy.version-to-env)")
            }
            let intentNode = try m.required("intent")
            let intentName = try intentNode.string()
            guard let intent = Intent(rawValue: intentName), !intent.isInternal else {
                let known = Intent.catalog.map(\.rawValue).joined(separator: ", ")
                throw intentNode.error("unknown intent '\(intentName)'; the catalog has: \(known)")
            }
            let location = RuleLocation(file: item.file, line: item.line ?? 0)
            let constants = try readConstants(m["set"], intent: intent)
            let caseSensitive = try m["case_sensitive"]?.bool() ?? false
            var problems: [YAMLError] = []
            var patterns: [CompiledPattern] = []
            guard let patternList = m["patterns"] ?? m["pattern"] else {
                throw item.error("rule '\(id)' has no 'patterns'")
            }
            let patternNodes = try patternList.list()
            if patternNodes.isEmpty { throw patternList.error("rule '\(id)' has an empty pattern list") }
            for node in patternNodes {
                do { patterns.append(try compile(node, intent: intent, constants: constants, caseSensitive: caseSensitive)) }
                catch { problems.append(error) }
            }
            let examples = try readExamples(m["examples"], intent: intent, problems: &problems)
            let counterexamples = try m["counterexamples"]?.list().map { v throws(YAMLError) in try v.string() } ?? []
            guard problems.isEmpty else { throw RuleLoadError(problems: problems) }
            return Rule(id: id, intent: intent, patterns: patterns, constants: constants, examples: examples,
                        counterexamples: counterexamples, location: location)
        } catch let error as YAMLError {
            throw RuleLoadError(problems: [error])
        } catch let error as RuleLoadError {
            throw error
        } catch {
            throw RuleLoadError(problems: [item.error("\(error)")])
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { b in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
    }

    private func compile(_ node: YAMLValue, intent: Intent, constants: [String: String],
                         caseSensitive: Bool) throws(YAMLError) -> CompiledPattern {
        let source = try node.string()
        let expanded: String
        do { expanded = try template.expand(source) } catch {
            switch error {
            case .undefined(let name):
                throw node.error("pattern uses {{\(name)}}, which no rule file defines (add it under 'definitions:')")
            case .tooDeep:
                throw node.error("definitions refer to each other in a loop")
            }
        }
        var options = PatternOptions.rule
        if caseSensitive { options.remove(.caseInsensitive) }
        let pattern: CompiledPattern
        do { pattern = try CompiledPattern(expanded, options: options) } catch {
            let shown = expanded == source ? "" : " (after expanding definitions: /\(expanded)/)"
            throw node.error("bad regex: \(error.message) at offset \(error.offset)\(shown)")
        }
        let slotNames = intent.slots.map(\.name)
        for (name, _) in pattern.namedGroups where !slotNames.contains(name) {
            if let located = IntentCatalog.locators[name], slotNames.contains(located) { continue }
            throw node.error("group '\(name)' is not a slot of intent '\(intent.rawValue)' (its slots: \(slotNames.joined(separator: ", ")))")
        }
        let captured = pattern.namedGroups.map(\.name)
        let given = Set(captured + captured.compactMap { IntentCatalog.locators[$0] }).union(constants.keys)
        for slot in intent.slots where slot.isRequired && !given.contains(slot.name) && !Self.isDefaultable(slot) {
            throw node.error("pattern never captures the required slot '\(slot.name)' of intent '\(intent.rawValue)'")
        }
        return pattern
    }

    /// Slots that the configuration's defaults may fill.
    static func isDefaultable(_ slot: SlotSpec) -> Bool { slot.kind == .app || slot.kind == .model }

    private func readConstants(_ node: YAMLValue?, intent: Intent) throws(YAMLError) -> [String: String] {
        guard let node else { return [:] }
        var out: [String: String] = [:]
        for (name, value) in try node.mapping().entries {
            guard intent.slot(named: name) != nil else {
                throw value.error("'\(name)' is not a slot of intent '\(intent.rawValue)'")
            }
            out[name] = try value.string()
        }
        return out
    }

    private func readExamples(_ node: YAMLValue?, intent: Intent, problems: inout [YAMLError]) throws(YAMLError) -> [RuleExample] {
        guard let node else { return [] }
        var out: [RuleExample] = []
        for item in try node.list() {
            let location = RuleLocation(file: item.file, line: item.line ?? 0)
            if case .scalar = item.node {
                out.append(RuleExample(text: try item.string(), slots: [:], location: location))
                continue
            }
            let m = try item.mapping()
            try m.rejectUnknownKeys(allowed: ["text", "slots"])
            let text = try m.required("text").string()
            var slots: [String: SlotValue] = [:]
            if let slotsNode = m["slots"] {
                for (name, value) in try slotsNode.mapping().entries {
                    guard let spec = intent.slot(named: name) else {
                        problems.append(value.error("'\(name)' is not a slot of intent '\(intent.rawValue)'"))
                        continue
                    }
                    slots[name] = try ExampleValue.read(value, kind: spec.kind)
                }
            }
            out.append(RuleExample(text: text, slots: slots, location: location))
        }
        return out
    }
}

/// An example's expected slot value, typed by the slot's kind.
enum ExampleValue {
    static func read(_ value: YAMLValue, kind: SlotKind) throws(YAMLError) -> SlotValue {
        switch kind {
        case .integer: return .integer(try value.int())
        case .numbers:
            var xs: [Double] = []
            for item in try value.list() { xs.append(try item.double()) }
            return .numbers(xs)
        default: return .string(try value.string())
        }
    }
}
