import Foundation
import LanguageModels

/// The captured Gemini payloads in `Fixtures/` (provenance in the shared fixtures README, `gemini/`):
/// the cookbook's real `generateContent` answer, the two real 429 bodies, and the request Google's
/// own SDK sent for structured output. Answers the captures do not hold (JSON text, another
/// finish reason, a blocked prompt) are the captured envelope with those fields changed.
enum GeminiFixtures {
    static func text(_ name: String) -> String {
        try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
    }

    static func object(_ name: String) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(text(name).utf8)) as! [String: Any]
    }

    static var rateLimitedWithDetails: String { text("error.429.RESOURCE_EXHAUSTED.with-details.json") }
    static var rateLimitedMinimal: String { text("error.429.RESOURCE_EXHAUSTED.minimal.json") }

    /// The body the google-genai SDK sent for structured output (its `body` field).
    static var sdkStructuredRequest: [String: Any] {
        object("sdk-captured.generateContent.structured-output.request.json")["body"] as! [String: Any]
    }

    /// The cookbook answer as captured: prose with a python fence, `finishReason: STOP`, no modelVersion.
    static var cookbookResponse: String { text("generateContent.response.cookbook-gemini-pro.json") }

    /// The cookbook answer with `text`, `finishReason` and `modelVersion` in place of its own (nil
    /// text: a candidate without content, as a stopped answer comes).
    static func response(text: String?, finishReason: String = "STOP", modelVersion: String? = "gemini-2.5-flash-lite") -> String {
        var envelope = object("generateContent.response.cookbook-gemini-pro.json")
        var candidates = envelope["candidates"] as! [[String: Any]]
        var candidate = candidates[0]
        if let text {
            var content = candidate["content"] as! [String: Any]
            content["parts"] = [["text": text]]
            candidate["content"] = content
        } else {
            candidate["content"] = nil
        }
        candidate["finishReason"] = finishReason
        candidates[0] = candidate
        envelope["candidates"] = candidates
        envelope["modelVersion"] = modelVersion
        return String(decoding: try! JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A prompt Google blocked: no candidates, `promptFeedback.blockReason`, the captured ratings.
    static func promptBlocked(_ reason: String) -> String {
        let captured = object("generateContent.response.cookbook-gemini-pro.json")
        let ratings = (captured["candidates"] as! [[String: Any]])[0]["safetyRatings"]!
        let envelope: [String: Any] = ["promptFeedback": ["blockReason": reason, "safetyRatings": ratings],
                                       "usageMetadata": captured["usageMetadata"]!, "modelVersion": "gemini-2.5-flash-lite"]
        return String(decoding: try! JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// What the intent layer asks: a schema in the shared subset (lower-case types, `nullable`).
enum IntentQuestion {
    static let schema: JSONValue = .object([
        "type": .string("object"),
        "properties": .object([
            "intent": .object(["type": .string("string"), "enum": .array([.string("status"), .string("sync"), .string("none")])]),
            "app": .object(["type": .string("string"), "nullable": .bool(true)]),
            "confidence": .object(["type": .string("number")]),
        ]),
        "required": .array([.string("intent"), .string("confidence")]),
    ])

    static let answer = #"{"intent":"status","app":"iris-classifier","confidence":0.92}"#

    static func request(_ prompt: String = "is iris healthy in prod?", task: String = "intent") -> ModelRequest {
        ModelRequest(task: task, system: "You map chat messages to one ChatOps intent.", prompt: prompt, schema: schema,
                     maxOutputTokens: 256)
    }
}
