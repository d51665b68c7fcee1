import ChatServer
import Foundation
import Testing

/// `FormBody` reads `application/x-www-form-urlencoded` bytes as Slack sends them.
@Suite struct FormBodyTests {
    @Test func decodesPlusesEscapesAndUTF8() {
        let form = FormBody.parse(Array("command=%2Fdeploy&text=iris+v2.3+staging%20%E2%9C%93&user_id=U1".utf8))
        #expect(form == ["command": "/deploy", "text": "iris v2.3 staging ✓", "user_id": "U1"])
    }

    @Test func keepsTheFirstOfARepeatedNameAndSkipsEmptyPairs() {
        let form = FormBody.parse("a=1&&a=2&b&c=&=x")
        #expect(form == ["a": "1", "b": "", "c": "", "": "x"])
    }

    @Test func anEqualsSignInAValueStaysInTheValue() {
        #expect(FormBody.parse("text=a%3Db=c")["text"] == "a=b=c")
    }

    @Test(arguments: ["100%", "50%+off", "%zz", "%4", "ok%2"])
    func aMalformedEscapeKeepsThePartAsWritten(_ raw: String) {
        let expected = raw.replacingOccurrences(of: "+", with: " ")
        #expect(FormBody.parse("text=\(raw)")["text"] == expected)
    }

    @Test func escapesThatAreNotUTF8KeepThePartAsWritten() {
        #expect(FormBody.parse("text=%FF%FE+x")["text"] == "%FF%FE x")
        #expect(FormBody.parse("text=%a9")["text"] == "%a9")
    }

    /// The same answers as Foundation's percent decoding, which this replaced, on random parts
    /// (except where Foundation itself is inconsistent: escapes that are not UTF-8 come back from
    /// it as nil or repaired with U+FFFD depending on the digits' case; here they are kept as written).
    @Test func agreesWithFoundationOnRandomParts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09+%-_.~ é✓".unicodeScalars.map(String.init)) + ["%2B", "%25", "%E2%9C%93", "%C3", "%41", "%7e", "%g1", "%FF"]
        for _ in 0..<2000 {
            let part = (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            let foundation = spaced.removingPercentEncoding ?? spaced
            if foundation.contains("\u{FFFD}") { continue }
            #expect(FormBody.parse("v=" + part)["v"] == foundation, "part \(part)")
        }
    }
}

/// `FormFields` reads the same fields by name without building a dictionary.
@Suite struct FormFieldsTests {
    @Test func readsEachNameAsTheDictionaryDoes() {
        let bodies = ["command=%2Fdeploy&text=iris+v2.3+staging%20%E2%9C%93&user_id=U1", "a=1&&a=2&b&c=&=x",
                      "text=a%3Db=c", "%74ext=escaped+name&text=plain", "te+xt=1&te%20xt=2", "", "&&", "=", "x", "x=1&"]
        for body in bodies {
            let fields = FormFields(Array(body.utf8)), named = FormBody.parse(body)
            for name in Set(named.keys).union(["text", "missing", "te xt", ""]) {
                #expect(fields[name] == named[name], "\(name) in \(body)")
            }
        }
    }

    @Test func anEscapedNameMatchesItsDecodedForm() {
        let fields = FormFields(Array("%74ext=first&text=second&user+id=U1".utf8))
        #expect(fields["text"] == "first")
        #expect(fields["user id"] == "U1")
        #expect(fields.count == 3)
    }

    @Test func agreesWithTheDictionaryOnRandomBodies() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "=", "&", "+", "%61", "%3D", "%26", "%", "é", "%FF"]
        for _ in 0..<2000 {
            let body = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let fields = FormFields(Array(body.utf8)), named = FormBody.parse(body)
            for name in Set(named.keys).union(["a", "b", "ab", "a=", "&"]) {
                #expect(fields[name] == named[name], "\(name) in \(body)")
            }
        }
    }
}
