import Execution

/// What a pull-request change records in its request's notes, each right after (or, for the
/// branch and its base, right before) the step that makes it, so that a later attempt of the same
/// request recognises its own branch, commit and pull request — and nobody else's.
///
/// Keys name the repository, file and version: an attempt that writes another version (a
/// promote that read a newer one) starts afresh instead of reusing the first one's branch. The
/// key text is what the store keeps, so changing it forgets in-flight requests' branches.
struct GitOpsNotes: Sendable {
    enum Field: String {
        /// The branch name, random suffix included.
        case branch
        /// The commit the branch was (or is being) created at.
        case base
        /// The commit chatops wrote on the branch.
        case commit
        case pullRequest = "pull_request"
        /// The head of that pull request when chatops opened or adopted it.
        case pullRequestHead = "pull_request_head"
    }

    /// What the notes held when an attempt began (recording the new base overwrites `base`).
    struct Recorded: Sendable {
        var base: String?
        var commit: String?
        var pullRequest: Int?
    }

    let notes: any RequestNotes
    let scope: String
    let branchPrefix: String

    init(_ change: GitOpsChange) {
        notes = change.notes
        scope = "gitops:\(change.target.repository):\(change.target.file):\(change.version)"
        branchPrefix = change.branchPrefix
    }

    func key(_ field: Field) -> String { "\(scope):\(field.rawValue)" }

    func value(_ field: Field) async throws -> String? { try await notes.note(key(field)) }

    func record(_ field: Field, _ value: String) async throws { try await notes.record(key(field), value) }

    func recorded() async throws -> Recorded {
        Recorded(base: try await value(.base), commit: try await value(.commit),
                 pullRequest: try await value(.pullRequest).flatMap { Int($0) })
    }

    /// This request's branch: the name an earlier attempt recorded, or a new one ending in 64
    /// random bits, recorded before the branch exists so a retry never makes a second one.
    func branch() async throws -> String {
        if let recorded = try await value(.branch), recorded.hasPrefix(branchPrefix + "-") { return recorded }
        var random = SystemRandomNumberGenerator()
        let bits = String(random.next() as UInt64, radix: 16)
        let name = "\(branchPrefix)-\(String(repeating: "0", count: 16 - bits.count))\(bits)"
        try await record(.branch, name)
        return name
    }
}
