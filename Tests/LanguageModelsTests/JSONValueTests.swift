import LanguageModels
import Testing

@Suite("JSON values: what schemas are written in and structured answers are read into")
struct JSONValueTests {
    @Test("a structured answer parses, reads by key, and writes back with sorted keys")
    func roundTrip() throws {
        let parsed = try #require(JSONValue.parse(#"{"intent":"status","confidence":0.9,"slots":{"app":"iris"},"missing":null}"#))
        #expect(parsed["intent"]?.string == "status")
        #expect(parsed["confidence"]?.number == 0.9)
        #expect(parsed["slots"]?["app"]?.string == "iris")
        #expect(parsed["missing"] == .null)
        #expect(parsed.text == #"{"confidence":0.9,"intent":"status","missing":null,"slots":{"app":"iris"}}"#)
        #expect(JSONValue.parse("not json") == nil)
    }
}
