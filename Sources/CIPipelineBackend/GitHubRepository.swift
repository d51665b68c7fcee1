import Foundation
import PlatformHTTP

/// An `owner/name` GitHub repository, checked before it goes into a URL path.
public struct GitHubRepository: Sendable, Hashable, CustomStringConvertible {
    public let owner: String
    public let name: String

    /// Nil unless `text` is exactly `owner/name` with GitHub's characters (letters, digits, `-`, `_`, `.`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(Self.isValidPart) else { return nil }
        owner = String(parts[0])
        name = String(parts[1])
    }

    public var description: String { "\(owner)/\(name)" }

    /// `/repos/OWNER/NAME`.
    var apiPath: String { "/repos/\(owner)/\(name)" }

    static func isValidPart(_ part: Substring) -> Bool {
        !part.isEmpty && part.count <= 100 && part != "." && part != ".."
            && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}

extension PathSegment {
    /// A run or job id as chat gives it: digits only (at most 20), else nil.
    static func numericID(_ text: String) -> String? {
        let trimmed = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard !trimmed.isEmpty, trimmed.count <= 20, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return trimmed
    }
}
