import ChatOpsConfig
import Foundation

/// A bearer token that may change while the bot runs: one given in the environment or the file is
/// fixed; one named by a file (`…_FILE`, `…_file`) is read again at every call, so a sidecar that
/// refreshes the file (an access token lives an hour) keeps the bot going.
public struct AccessToken: Sendable, CustomStringConvertible {
    enum Source: Sendable {
        case fixed(String)
        case file(String)
    }

    let source: Source

    public static func fixed(_ value: String) -> AccessToken { AccessToken(source: .fixed(value)) }
    public static func file(_ path: String) -> AccessToken { AccessToken(source: .file(path)) }

    /// From a loaded secret: a file when the secret came from one (its origin says `file PATH`).
    public init(_ secret: Secret) {
        source = secret.origin.hasPrefix("file ") ? .file(String(secret.origin.dropFirst("file ".count))) : .fixed(secret.value)
    }

    init(source: Source) {
        self.source = source
    }

    /// The token now.
    func current() throws(ModelError) -> String {
        switch source {
        case .fixed(let value):
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                  case let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                  !token.isEmpty else {
                throw ModelError(.refused, "the access token file \(path) cannot be read or is empty; nothing was sent")
            }
            return token
        }
    }

    public var description: String {
        switch source {
        case .fixed: return "<access token>"
        case .file(let path): return "<access token from \(path)>"
        }
    }
}
