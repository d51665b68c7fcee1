import Foundation
import Mustache

/// What a task expects of its prompt: its name and every variable the bot gives it (names used
/// inside sections included). A template that names anything else is refused at start, so a typo
/// cannot silently send an empty field to the model.
public struct PromptSpec: Sendable, Hashable {
    public let name: String
    public let variables: Set<String>

    public init(name: String, variables: Set<String>) {
        self.name = name
        self.variables = variables
    }
}

/// The prompts in `prompts/`, loaded and checked once at start: each required one exists, has a
/// version, a `system` and a `user` part, parses as Mustache, and uses only its task's variables.
/// Any problem stops start-up with the file and line.
public struct PromptLibrary: Sendable {
    public let directory: String
    let templates: [String: PromptTemplate]

    public subscript(name: String) -> PromptTemplate? { templates[name] }

    /// Every template, by name.
    public var all: [PromptTemplate] { templates.values.sorted { $0.name < $1.name } }

    public static func load(directory: String, required specs: [PromptSpec]) throws(PromptError) -> PromptLibrary {
        var templates: [String: PromptTemplate] = [:]
        for spec in specs {
            let file = (directory as NSString).appendingPathComponent("\(spec.name).mustache")
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw PromptError(file: file, problem: "the \(spec.name) prompt is missing or unreadable (\(error.localizedDescription)); "
                                  + "every prompt in \(specs.map(\.name).joined(separator: ", ")) must be in \(directory)")
            }
            templates[spec.name] = try PromptParser(file: file, text: text, spec: spec).template()
        }
        return PromptLibrary(directory: directory, templates: templates)
    }
}
