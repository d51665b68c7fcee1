import ChatOpsConfig
import Execution
import Foundation

/// What the bot sends a model server or MLflow to be let in: a bearer token, or a user and
/// password (HTTP basic, as MLflow's own auth and most proxies take them). Secrets come from the
/// environment or files and are never logged.
public enum ServiceCredential: Sendable {
    case bearer(String)
    case basic(username: String, password: String)

    /// The `Authorization` header.
    var header: (String, String) {
        switch self {
        case .bearer(let token): return ("Authorization", "Bearer \(token)")
        case .basic(let username, let password):
            return ("Authorization", "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        }
    }

    /// The credential the settings give (nil: none), or what is wrong with them.
    static func from(_ settings: Settings, token: SettingKey, username: SettingKey, password: SettingKey)
        throws(ServiceCredentialError) -> ServiceCredential? {
        let bearer = settings.secret(token)?.value
        let user = settings.value(username)
        let secret = settings.secret(password)?.value
        if (user == nil) != (secret == nil) {
            throw ServiceCredentialError("\(username.variable) and \(password.variable) go together: set both, or neither")
        }
        if bearer != nil, user != nil {
            throw ServiceCredentialError("set \(token.variable) or \(username.variable) and \(password.variable), not both")
        }
        if let bearer { return .bearer(bearer) }
        if let user, let secret { return .basic(username: user, password: secret) }
        return nil
    }
}

public struct ServiceCredentialError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension ModuleStatus {
    /// On when `url` is set and the credentials, if any, are whole.
    static func enabled(when url: SettingKey, credentials: (SettingKey, SettingKey, SettingKey), in context: ModuleContext) -> ModuleStatus {
        let status = ModuleStatus.enabled(when: url, in: context)
        guard case .enabled = status else { return status }
        do { _ = try ServiceCredential.from(context.settings, token: credentials.0, username: credentials.1, password: credentials.2) } catch {
            return .misconfigured("\(error)")
        }
        return status
    }
}
