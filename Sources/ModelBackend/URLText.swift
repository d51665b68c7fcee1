/// Percent-encoding for names from the configuration or chat that go into a URL path segment or a
/// query value: everything but unreserved ASCII is escaped, so `/`, `?`, `#`, `&`, `+` and `..`
/// can never change which call is made.
enum URLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        // A segment of only dots would still walk up the path.
        return out.allSatisfy { $0 == "." } ? String(repeating: "%2E", count: out.count) : out
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
