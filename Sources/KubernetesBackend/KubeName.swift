/// Kubernetes object names as they may appear in a URL path: DNS-1123 subdomains (lowercase letters,
/// digits, `-` and `.`, starting and ending with a letter or digit, at most 253 characters). Names
/// from the configuration and from the API's answers are checked before they go into a path.
enum KubeName {
    static func isValid(_ name: String) -> Bool {
        guard (1...253).contains(name.utf8.count), let first = name.utf8.first, let last = name.utf8.last,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
