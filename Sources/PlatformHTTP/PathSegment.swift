/// Percent-encoding for a name from the configuration or chat that goes into one URL path segment
/// or a query value: everything but unreserved ASCII is escaped, so `/`, `?`, `#`, `&`, `+` and
/// `..` can never change which call is made.
public enum PathSegment {
    public static func encode(_ text: String) -> String {
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

    /// A path of segments (`apps/iris/kustomization.yaml`), each encoded, the slashes kept.
    public static func encodePath(_ path: String) -> String {
        path.split(separator: "/").map { encode(String($0)) }.joined(separator: "/")
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
