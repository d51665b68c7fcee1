import Foundation

/// How the bot writes JSON for platforms: keys sorted (stable bodies, diffable goldens) and
/// slashes left as they are (URLs stay readable).
public enum JSONBody {
    public static func encode<Body: Encodable>(_ body: Body) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }
}

/// An API base URL as configured, without the trailing slash, so paths can be appended as `/x`.
public func apiBaseURL(_ configured: String) -> String {
    configured.hasSuffix("/") ? String(configured.dropLast()) : configured
}
