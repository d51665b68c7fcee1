import Foundation

/// Expands `{{name}}` references to the rule files' `definitions` (which may use each other).
struct PatternTemplate {
    let definitions: [String: String]

    enum ExpansionError: Error { case undefined(String), tooDeep(String) }

    func expand(_ pattern: String) throws(ExpansionError) -> String {
        try expand(pattern, depth: 0)
    }

    private func expand(_ pattern: String, depth: Int) throws(ExpansionError) -> String {
        guard pattern.contains("{{") else { return pattern }
        guard depth < 8 else { throw .tooDeep(pattern) }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let body = definitions[name] else { throw .undefined(name) }
            out += "(?:" + (try expand(body, depth: depth + 1)) + ")"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
