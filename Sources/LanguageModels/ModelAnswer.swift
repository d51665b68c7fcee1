import Foundation
import PlatformHTTP

/// What every provider does with an answer's text once the provider's own envelope is read: an
/// empty answer, or one that is not JSON where JSON was asked, is `malformed`.
enum ModelAnswer {
    /// The reply for `text`; with a schema, its JSON parsed (```json fences and prose around one
    /// object tolerated, as small models write them).
    static func reply(_ text: String, to request: ModelRequest, model: String, service: String) throws(ModelError) -> ModelReply {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ModelError(.malformed, "\(service) answered with no text")
        }
        guard request.schema != nil else { return ModelReply(text: text, model: model) }
        guard let json = parseJSON(text) else {
            throw ModelError(.malformed, "\(service) was asked for JSON and answered something else: \(excerpt(text))")
        }
        return ModelReply(text: text, json: json, model: model)
    }

    /// The provider's envelope (`GenerateContentResponse`, a chat completion), or `malformed` saying
    /// what came instead.
    static func envelope<T: Decodable>(_ type: T.Type, from response: APIResponse, service: String,
                                       expected: String) throws(ModelError) -> T {
        do { return try JSONDecoder().decode(type, from: response.body) } catch {
            throw ModelError(.malformed, "\(service) sent an answer that is not \(expected): \(response.excerpt)")
        }
    }

    /// An answer stopped at the output limit: its JSON would be incomplete, so none of it is used.
    static func truncated(_ text: String, limit: Int, reason: String, service: String) -> ModelError {
        ModelError(.malformed, "\(service)'s answer was cut at the output limit of \(limit) tokens (\(reason)), so it is "
                   + "incomplete: \(excerpt(text))")
    }

    /// The JSON in `text`: all of it, else inside a ``` fence, else from the first `{` to the last `}`.
    static func parseJSON(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let whole = JSONValue.parse(trimmed) { return whole }
        if let fenced = fenced(trimmed), let json = JSONValue.parse(fenced) { return json }
        guard let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close else { return nil }
        return JSONValue.parse(String(trimmed[open...close]))
    }

    /// The body of the first ``` fence (its language word, `json`, dropped).
    static func fenced(_ text: String) -> String? {
        guard let start = text.range(of: "```") else { return nil }
        let afterOpening = text[start.upperBound...]
        guard let newline = afterOpening.firstIndex(of: "\n") else { return nil }
        let body = afterOpening[afterOpening.index(after: newline)...]
        let end = body.range(of: "```")?.lowerBound ?? body.endIndex
        return String(body[..<end])
    }

    /// The start of an answer, for an error message.
    static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
    }
}
