import Foundation

/// Where the bearer token comes from. A file is read again on every call: projected
/// service-account tokens are rotated by the kubelet while the bot runs.
public enum BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    case none
    case fixed(String)
    case file(String)

    /// The token to send now, or nil for none.
    func current() throws(KubernetesError) -> String? {
        switch self {
        case .none: return nil
        case .fixed(let token): return token
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                  case let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                  !token.isEmpty else {
                throw .credentials("the token file \(path) is missing, unreadable or empty")
            }
            return token
        }
    }

    /// Never the token itself.
    public var description: String {
        switch self {
        case .none: return "no token"
        case .fixed: return "a token"
        case .file(let path): return "the token in \(path)"
        }
    }

    public var debugDescription: String { description }
}
