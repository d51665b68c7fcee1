/// Why a verified Slack request could not be read. The request is answered 400 with this text
/// (Slack shows it to the app's developer) and it is logged.
enum SlackInboundError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingField(String)
    case malformedField(String, String)
    case malformedJSON(String, String)

    var description: String {
        switch self {
        case .missingField(let name): return "the Slack request has no \(name)"
        case .malformedField(let name, let value): return "the Slack request's \(name) is not valid: \(value.prefix(80))"
        case .malformedJSON(let what, let detail): return "the Slack \(what) is not the JSON expected: \(detail)"
        }
    }
}

/// Slack ids (users `U…`/`W…`, channels `C…`/`D…`/`G…`) are upper-case letters and digits; anything
/// else in one is refused, so an id can be put in a mention or a log line as it is.
enum SlackID {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
    }

    static func require(_ value: String?, _ name: String) throws(SlackInboundError) -> String {
        guard let value, !value.isEmpty else { throw .missingField(name) }
        guard isValid(value) else { throw .malformedField(name, value) }
        return value
    }
}
