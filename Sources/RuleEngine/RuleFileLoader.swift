import ChatOpsCore
import Foundation
import YAMLSupport

/// Loads `rules/*.yaml`: definitions first, then the files in ascending `priority` (default 50)
/// and name, each file's rules in order. Collects every problem before failing.
public struct RuleFileLoader: Sendable {
    public static let defaultPriority = 50

    public init() {}

    public func load(directory: String) throws(RuleLoadError) -> RuleSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadError(problems: [YAMLError(file: directory, line: nil, column: nil, keyPath: "",
                message: "no rules folder here; pass --rules DIR or set rules.path in the configuration")])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var documents: [YAMLValue] = []
        var problems: [YAMLError] = []
        for name in names {
            do { documents.append(try YAMLValue.load(path: (directory as NSString).appendingPathComponent(name))) }
            catch { problems.append(error) }
        }
        if names.isEmpty {
            problems.append(YAMLError(file: directory, line: nil, column: nil, keyPath: "",
                                      message: "no .yaml rule files in this folder"))
        }
        return try load(documents: documents, earlierProblems: problems)
    }

    /// Loads already-parsed documents (one per file).
    public func load(documents: [YAMLValue], earlierProblems: [YAMLError] = []) throws(RuleLoadError) -> RuleSet {
        var problems = earlierProblems
        var files: [(priority: Int, name: String, rules: YAMLValue?)] = []
        var definitions: [String: String] = [:]
        var definedIn: [String: String] = [:]
        for document in documents {
            do {
                let root = try document.mapping()
                try root.rejectUnknownKeys(allowed: ["definitions", "priority", "area", "description", "rules"])
                if let defs = root["definitions"] {
                    for (name, value) in try defs.mapping().entries {
                        if let other = definedIn[name] {
                            problems.append(value.error("definition '\(name)' is already defined in \(other)"))
                            continue
                        }
                        definitions[name] = try value.string()
                        definedIn[name] = "\(value.file):\(value.line ?? 0)"
                    }
                }
                let priority = try root["priority"]?.int() ?? Self.defaultPriority
                files.append((priority, document.file, root["rules"]))
            } catch { problems.append(error) }
        }
        files.sort { ($0.priority, $0.name) < ($1.priority, $1.name) }

        let reader = RuleReader(template: PatternTemplate(definitions: definitions))
        var rules: [Rule] = []
        var seenIDs: [String: RuleLocation] = [:]
        for file in files {
            guard let list = file.rules else { continue }
            let items: [YAMLValue]
            do { items = try list.list() } catch { problems.append(error); continue }
            for item in items {
                do {
                    let rule = try reader.read(item)
                    if let first = seenIDs[rule.id] {
                        problems.append(item.error("rule id '\(rule.id)' is already used at \(first); ids must be unique"))
                        continue
                    }
                    seenIDs[rule.id] = rule.location
                    rules.append(rule)
                } catch { problems.append(contentsOf: error.problems) }
            }
        }
        guard problems.isEmpty else { throw RuleLoadError(problems: problems) }
        return RuleSet(rules: rules)
    }
}
