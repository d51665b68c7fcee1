import Foundation
import Mustache

/// Reads one prompt file: the header comment (`{{! prompt: NAME, version: N }}`), the
/// `{{! system }}` and `{{! user }}` markers, each part as Mustache, and the variables it names.
struct PromptParser {
    let file: String
    let text: String
    let spec: PromptSpec

    func template() throws(PromptError) -> PromptTemplate {
        let lines = text.components(separatedBy: "\n")
        let version = try header(lines)
        guard let systemLine = lines.firstIndex(where: { Self.isMarker($0, "system") }) else {
            throw PromptError(file: file, problem: "no `{{! system }}` line: the instructions start after it")
        }
        guard let userLine = lines.firstIndex(where: { Self.isMarker($0, "user") }), userLine > systemLine else {
            throw PromptError(file: file, line: systemLine + 1, problem: "no `{{! user }}` line after `{{! system }}`: the question starts after it")
        }
        let system = try part(lines, from: systemLine + 1, to: userLine)
        let user = try part(lines, from: userLine + 1, to: lines.count)
        return PromptTemplate(name: spec.name, version: version, file: file, system: system, user: user)
    }

    /// `{{! prompt: intent, version: 3 }}` on the first line.
    func header(_ lines: [String]) throws(PromptError) -> Int {
        let first = lines.first ?? ""
        guard let match = first.firstMatch(of: /^\{\{!\s*prompt:\s*([a-z0-9-]+),\s*version:\s*([0-9]+)\s*\}\}\s*$/) else {
            throw PromptError(file: file, line: 1, problem: "the first line must be `{{! prompt: \(spec.name), version: N }}`")
        }
        guard match.1 == spec.name else {
            throw PromptError(file: file, line: 1, problem: "the header names prompt `\(match.1)`, but this file is the \(spec.name) prompt")
        }
        guard let version = Int(match.2), version > 0 else {
            throw PromptError(file: file, line: 1, problem: "the version must be a positive whole number")
        }
        return version
    }

    static func isMarker(_ line: String, _ name: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "{{! \(name) }}"
    }

    /// Lines `start..<end` as a text template; errors name the file's line.
    func part(_ lines: [String], from start: Int, to end: Int) throws(PromptError) -> MustacheTemplate {
        let body = lines[start..<end].joined(separator: "\n")
        try checkVariables(lines, from: start, to: end)
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + body)
        } catch let error as MustacheTemplate.ParserError {
            throw PromptError(file: file, line: start + error.context.lineNumber,
                              problem: "\(Self.words(error.error)) at column \(error.context.columnNumber): \(error.context.line)")
        } catch {
            throw PromptError(file: file, line: start + 1, problem: "not a Mustache template: \(error)")
        }
    }

    /// Every `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}` must be one of the task's variables.
    /// (The regex is built once per call and only lines with a tag are searched: a regex literal in
    /// the loop was parsed again for every line, a sixth of the server's start-up.)
    func checkVariables(_ lines: [String], from start: Int, to end: Int) throws(PromptError) {
        let tag = /\{\{\{?\s*[#^\/&]?\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}?\}\}/
        for index in start..<end where lines[index].contains("{{") {
            for match in lines[index].matches(of: tag) {
                let name = String(match.1).split(separator: ".").first.map(String.init) ?? ""
                guard spec.variables.contains(name) else {
                    let known = spec.variables.sorted().joined(separator: ", ")
                    throw PromptError(file: file, line: index + 1,
                                      problem: "`\(match.1)` is not something the \(spec.name) prompt is given (it has: \(known))")
                }
            }
        }
    }

    static func words(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed"
        default: return "\(error)"
        }
    }
}
