import Synchronization

/// How an OpenAI-compatible server is asked for JSON, best first. Servers differ: OpenAI and vLLM
/// take `json_schema`; llama.cpp's server refuses it (HTTP 500) but takes `json_object` with a
/// `schema`, compiled to a grammar; some take neither, and then the schema is only in the prompt.
enum StructuredOutputForm: Int, Sendable, Comparable, CaseIterable {
    /// `{"type":"json_schema","json_schema":{"name":…,"strict":true,"schema":…}}`.
    case jsonSchema
    /// `{"type":"json_object","schema":…}`.
    case jsonObject
    /// No `response_format`: the schema described in the instructions, the answer parsed as it comes.
    case prompt

    /// The form to try when the server refuses this one.
    var next: StructuredOutputForm? { StructuredOutputForm(rawValue: rawValue + 1) }

    static func < (a: StructuredOutputForm, b: StructuredOutputForm) -> Bool { a.rawValue < b.rawValue }
}

/// The form that worked last with one server, so later calls go straight to it.
final class StructuredOutputMemory: Sendable {
    private let form = Mutex(StructuredOutputForm.jsonSchema)

    var current: StructuredOutputForm { form.withLock { $0 } }

    /// Remembers `worked`; the memory only ever moves down the list.
    func remember(_ worked: StructuredOutputForm) {
        form.withLock { $0 = max($0, worked) }
    }
}
