import ChatOpsConfig
import Execution

/// One version change to write: which file, which tag, and the words of the commit.
public struct GitOpsChange: Sendable {
    public let target: GitOpsTarget
    public let version: String
    /// `deploy iris-classifier v2.3 to staging`: the commit's (or pull request's) title.
    public let title: String
    /// The full commit message: the title, the request, who asked and who approved.
    public let message: String
    /// `chatops/request-7-prod-v2.3`: the start of the branch a pull request comes from. The
    /// branch itself ends in a random suffix (see `GitOpsNotes.branch`), so nobody can create
    /// it, with their own changes on it, before chatops does.
    public let branchPrefix: String
    /// Where the request keeps what this change made (branch, commit, pull request) between attempts.
    let notes: any RequestNotes

    /// `awaitingApproval`: written before anyone approved (the pull request opened for approvers
    /// to read); the merge, made after the approval, names the approvers.
    public init(target: GitOpsTarget, version: String, title: String, input: ExecutionInput, env: String,
                awaitingApproval: Bool = false) {
        self.target = target
        self.version = version
        self.title = title
        let request = input.requestID.map { "chatops request #\($0)" } ?? "chatops"
        let approvers = awaitingApproval ? "awaiting approval (the merge names who approved)"
            : input.approvers.isEmpty ? "none (no approval was needed)" : input.approvers.joined(separator: ", ")
        message = "\(title)\n\n\(request): \(title)\nRequested-by: \(input.requester)\nApproved-by: \(approvers)\n"
        branchPrefix = "chatops/" + (input.requestID.map { "request-\($0)" } ?? "change") + "-\(env)-\(version)"
        notes = input.notes
    }

    /// What changes in the file, in words: `images[ghcr.io/acme/iris].newTag = v2.3`.
    public var edit: String {
        switch target.format {
        case .kustomize(let image): return "images[\(image)].newTag = \(version)"
        case .values(let path): return "\(path.joined(separator: ".")) = \(version)"
        }
    }
}

/// What a GitOps write did.
public struct GitOpsOutcome: Sendable {
    /// The tag the file had before.
    public let previousVersion: String?
    /// The commit Argo CD should reach; nil when the file already had the version.
    public let revision: String?
    public let pullRequest: OpenedPullRequest?

    public var unchanged: Bool { revision == nil }
}

/// A version as an image tag may spell it (Docker: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`): anything
/// else is refused before it is written into a manifest.
public enum ImageTag {
    public static func isValid(_ tag: String) -> Bool {
        guard let first = tag.utf8.first, tag.utf8.count <= 128 else { return false }
        let allowed = { (c: UInt8) in (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        return allowed(first) && tag.utf8.allSatisfy { allowed($0) || $0 == 46 || $0 == 45 }
    }
}
