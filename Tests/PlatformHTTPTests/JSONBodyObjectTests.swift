import Foundation
import PlatformHTTP
import Testing

/// `JSONBody.object` writes a flat object of strings by hand (a webhook's answer); it must be the
/// JSON the encoder writes, and read back to the same strings.
@Suite struct JSONBodyObjectTests {
    @Test(arguments: ["plain", "", "quote \" backslash \\ slash / done", "line\nreturn\rtab\tbell\u{07}nul\u{00}",
                      "é ✓ 🚀 \u{2028}", "Working on `/deploy iris v2.3 staging`; I answer in a thread."])
    func isTheEncodersJSONAndReadsBack(_ text: String) throws {
        let fields = ["text": text, "response_type": "ephemeral", "a\"key": text]
        let written = JSONBody.object(fields)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(written)) == fields)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try JSONBody.encode(fields), as: UTF8.self))
    }

    @Test func keysAreSorted() {
        #expect(String(decoding: JSONBody.object(["b": "2", "a": "1", "c": "3"]), as: UTF8.self) == #"{"a":"1","b":"2","c":"3"}"#)
    }
}
