import ChatOpsTestSupport

/// What OpenAI-compatible servers answer, in the shape of OpenAI's chat completion object (the
/// one llama.cpp's server and vLLM return), and llama.cpp's refusal of `json_schema`: HTTP 500 with
/// the body quoted in ikawrakow/ik_llama.cpp issue 778.
enum OpenAIAnswers {
    static func completion(_ content: String, finishReason: String = "stop", model: String = "local") -> FakeResponse {
        let escaped = JSONText.quote(content)
        return .json(#"{"id":"chatcmpl-3f1c9a","object":"chat.completion","created":1732180000,"model":"\#(model)","#
                     + #""choices":[{"index":0,"message":{"role":"assistant","content":\#(escaped)},"logprobs":null,"#
                     + #""finish_reason":"\#(finishReason)"}],"usage":{"prompt_tokens":57,"completion_tokens":19,"total_tokens":76}}"#)
    }

    static let jsonSchemaRefused = FakeResponse.json(
        #"{"error":{"code":500,"message":"response_format type must be one of \"text\" or \"json_object\", but got: json_schema","#
            + #""type":"server_error"}}"#, status: 500)

    /// A server that takes neither form names the field in a 400.
    static let responseFormatRefused = FakeResponse.json(
        #"{"error":{"message":"Unrecognized request argument supplied: response_format","type":"invalid_request_error","#
            + #""param":null,"code":null}}"#, status: 400)

    /// The kind of `response_format` a request carried (`none` without one).
    static func form(of request: RecordedRequest) -> String {
        request.value?["response_format"]?["type"]?.string ?? "none"
    }
}

enum JSONText {
    /// `text` as a JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
