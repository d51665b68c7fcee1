import Foundation
import Yams

/// One node of a YAML document with the file and key path that lead to it, so that every
/// error names the file, the line and the key.
public struct YAMLValue: @unchecked Sendable {
    public let node: Node
    public let file: String
    public let keyPath: String

    init(node: Node, file: String, keyPath: String) {
        self.node = node
        self.file = file
        self.keyPath = keyPath
    }

    /// Parses YAML text; an empty document is an empty mapping. Scalars stay text (the typed
    /// accessors read them): with Yams' default resolver, every key's duplicate check matched
    /// it against the YAML 1.1 tag expressions with NSRegularExpression (10 % of `serve`'s
    /// start-up, rules and config included).
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLValue {
        do {
            let node = try Yams.compose(yaml: text, .basic) ?? Node([(Node, Node)]())
            return YAMLValue(node: node, file: file, keyPath: "")
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw YAMLError(file: file, line: nil, column: nil, keyPath: "", message: "not valid YAML: \(error)")
        }
    }

    /// Reads and parses a file.
    public static func load(path: String) throws(YAMLError) -> YAMLValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw YAMLError(file: path, line: nil, column: nil, keyPath: "",
                            message: exists ? "cannot read the file (check its permissions)" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLError(file: path, line: nil, column: nil, keyPath: "", message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    private static func describe(_ error: YamlError, file: String) -> YAMLError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return YAMLError(file: file, line: mark.line, column: mark.column, keyPath: "", message: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return YAMLError(file: file, line: nil, column: nil, keyPath: "",
                             message: "duplicate keys: \(duplicates.joined(separator: ", ")) (each key may appear once)")
        default:
            return YAMLError(file: file, line: nil, column: nil, keyPath: "", message: "not valid YAML: \(error)")
        }
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }

    /// An error located at this node.
    public func error(_ message: String) -> YAMLError {
        YAMLError(file: file, line: line, column: column, keyPath: keyPath, message: message)
    }

    public var isNull: Bool {
        if case .scalar(let s) = node { return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) }
        return false
    }
}

// MARK: - Typed accessors

extension YAMLValue {
    public func string() throws(YAMLError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value, found \(kindName)") }
        return scalar.string
    }

    public func int() throws(YAMLError) -> Int {
        guard case .scalar(let scalar) = node, let n = Int(scalar.string) else {
            throw error("expected a whole number, found \(describeValue)")
        }
        return n
    }

    public func double() throws(YAMLError) -> Double {
        guard case .scalar(let scalar) = node, let x = Double(scalar.string), x.isFinite else {
            throw error("expected a number, found \(describeValue)")
        }
        return x
    }

    public func bool() throws(YAMLError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("expected true or false, found \(kindName)") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(describeValue)")
        }
    }

    /// The items of a sequence; a single scalar is taken as a one-item list; null is empty.
    public func list() throws(YAMLError) -> [YAMLValue] {
        if isNull { return [] }
        switch node {
        case .sequence(let seq):
            return Array(seq).enumerated().map { YAMLValue(node: $1, file: file, keyPath: "\(keyPath)[\($0)]") }
        case .scalar:
            return [self]
        default:
            throw error("expected a list, found \(kindName)")
        }
    }

    public func stringList() throws(YAMLError) -> [String] {
        var out: [String] = []
        for item in try list() { out.append(try item.string()) }
        return out
    }

    public func mapping() throws(YAMLError) -> YAMLMapping {
        if isNull { return YAMLMapping(entries: [], owner: self) }
        guard case .mapping(let map) = node else { throw error("expected a mapping of keys to values, found \(kindName)") }
        var entries: [(key: String, value: YAMLValue)] = []
        for (k, v) in map {
            guard case .scalar(let ks) = k else {
                throw YAMLValue(node: k, file: file, keyPath: keyPath).error("keys must be plain text")
            }
            let childPath = keyPath.isEmpty ? ks.string : "\(keyPath).\(ks.string)"
            entries.append((ks.string, YAMLValue(node: v, file: file, keyPath: childPath)))
        }
        return YAMLMapping(entries: entries, owner: self)
    }

    var kindName: String {
        switch node {
        case .scalar: return "a text value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    var describeValue: String {
        if case .scalar(let s) = node { return "'\(s.string)'" }
        return kindName
    }
}
