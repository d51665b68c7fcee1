import Approvals
import ChatOpsConfig
import ChatOpsCore
import Foundation
import Logging
import PlatformHTTP

/// Policy names GitHub people by login (`github:octocat`), but a login can be renamed and then
/// registered by someone else, who would inherit the person's rights. Comments are therefore
/// attributed to the numeric user id (`github-id:583231`), and each configured login is resolved
/// once (`GET /users/{login}`) and pinned in the store: a pinned login is never asked again, so a
/// later owner of the name stays a stranger. A login that cannot be resolved stays as it is, which
/// no comment can match: that person cannot act from GitHub until it resolves at a later start.
public struct GitHubIdentityPinning: Sendable {
    let api: GitHubAPI
    let store: any ApprovalStore
    let logger: Logger
    let now: @Sendable () -> Date

    /// For `chatops serve`, before it builds the bot: `policy` with every `github:LOGIN` in its
    /// identities and groups replaced by the pinned `github-id:N`. When GitHub is not configured
    /// (no webhook secret) the policy comes back unchanged and nothing is called. Throws only what
    /// the GitHub adapter would throw for the same settings (a half-configured GitHub).
    public static func pinnedPolicy(_ policy: Policy, configuration: ChatOpsConfiguration, store: any ApprovalStore,
                                    logger: Logger, http: HTTPClientPool,
                                    now: @escaping @Sendable () -> Date = { Date() }) async throws -> Policy {
        guard let api = try GitHubConnection.api(configuration.settings, http: http) else { return policy }
        return await GitHubIdentityPinning(api: api, store: store, logger: logger, now: now).pin(policy)
    }

    /// The policy with every login that resolves replaced by its pinned id; the others are logged.
    func pin(_ policy: Policy) async -> Policy {
        var ids: [String: Int64] = [:]
        for login in Self.logins(in: policy).sorted() {
            do {
                ids[login] = try await pinnedID(login)
            } catch {
                logger.error("GitHub login not pinned to a user id: this person cannot act from GitHub until it is", metadata: [
                    "login": "\(login)", "reason": "\(error)",
                ])
            }
        }
        return Self.replacing(policy, ids: ids)
    }

    /// The stored pin, else the id GitHub gives now, pinned (if another process pinned it first,
    /// its id wins).
    func pinnedID(_ login: String) async throws -> Int64 {
        if let pinned = try await store.pinnedGitHubUser(login: login) { return pinned }
        guard Self.isLogin(login) else { throw PinningError("\(login) is not a GitHub login") }
        let user: GitHubAPI.User
        do { user = try await api.user(login: login) } catch {
            throw PinningError("GitHub did not resolve it: \(error)")
        }
        guard user.login.lowercased() == login else {
            throw PinningError("GitHub answered for another login, \(user.login)")
        }
        let pinned = try await store.pinGitHubUser(login: login, userID: user.id, at: now())
        logger.notice("pinned GitHub login to its user id", metadata: ["login": "\(login)", "id": "\(pinned)"])
        return pinned
    }

    /// Logins are case-insensitive on GitHub: `github:Octocat` and `github:octocat` are one pin.
    static func logins(in policy: Policy) -> Set<String> {
        Set((Array(policy.identities.values.joined()) + Array(policy.groups.values.joined())).compactMap(login))
    }

    static func login(_ member: String) -> String? {
        member.hasPrefix("github:") ? String(member.dropFirst("github:".count)).lowercased() : nil
    }

    static func replacing(_ policy: Policy, ids: [String: Int64]) -> Policy {
        func pinned(_ members: Set<String>) -> Set<String> {
            Set(members.map { member in login(member).flatMap { ids[$0] }.map { "github-id:\($0)" } ?? member })
        }
        var result = policy
        result.identities = policy.identities.mapValues(pinned)
        result.groups = policy.groups.mapValues(pinned)
        return result
    }

    /// Letters, digits and hyphens (not first), at most 39: nothing else goes into the URL path.
    static func isLogin(_ text: String) -> Bool {
        (1...39).contains(text.count) && !text.hasPrefix("-")
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}

struct PinningError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
