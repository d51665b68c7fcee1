import Foundation
import PlatformHTTP

/// A file as the contents API returns it: its text and the blob `sha` a write must name.
public struct RepoFile: Sendable {
    public let text: String
    public let sha: String
}

/// A commit the contents API made.
public struct WrittenCommit: Sendable {
    public let sha: String
    /// The commit it was made on (one; empty when GitHub did not say).
    public let parents: [String]
}

extension GitHubRepoClient {
    func fileURL(_ repository: String, _ file: String, ref: String?) -> String {
        url(repository, "contents/\(PathSegment.encodePath(file))", query: [("ref", ref)])
    }

    /// `GET /repos/{repo}/contents/{path}?ref=`.
    public func file(_ repository: String, _ file: String, ref: String?) async throws(GitOpsError) -> RepoFile {
        struct Contents: Decodable { let content: String?; let encoding: String?; let sha: String; let type: String? }
        let call = GitHubCall(action: "read \(file)\(ref.map { " at \($0)" } ?? "")", repository: repository, permission: "Contents read")
        let contents = try await get(fileURL(repository, file, ref: ref), as: Contents.self, call: call)
        guard contents.type ?? "file" == "file", contents.encoding ?? "base64" == "base64",
              let data = Data(base64Encoded: (contents.content ?? "").filter { !$0.isWhitespace }),
              let text = String(data: data, encoding: .utf8) else {
            throw malformed("\(file) is not a UTF-8 text file (type \(contents.type ?? "?"), encoding \(contents.encoding ?? "?"))", call: call)
        }
        return RepoFile(text: text, sha: contents.sha)
    }

    /// `PUT /repos/{repo}/contents/{path}`: one commit on the branch's head, whatever that is
    /// now; GitHub refuses with 409 only when `sha` is no longer the file's blob (someone else
    /// wrote this file meanwhile). Returns the commit and its parents.
    public func writeFile(_ repository: String, _ file: String, branch: String?, text: String, replacing sha: String,
                          message: String) async throws(GitOpsError) -> WrittenCommit {
        struct Answer: Decodable {
            struct Parent: Decodable { let sha: String }
            struct Commit: Decodable { let sha: String; let parents: [Parent]? }
            let commit: Commit
        }
        let call = GitHubCall(action: "write \(file)", repository: repository, permission: "Contents write")
        let commit = try await send(.PUT, fileURL(repository, file, ref: nil), body: writeBody(file, branch: branch, text: text, sha: sha, message: message),
                                    as: Answer.self, call: call).commit
        return WrittenCommit(sha: commit.sha, parents: commit.parents?.map(\.sha) ?? [])
    }

    func writeBody(_ file: String, branch: String?, text: String, sha: String, message: String) -> FileWrite {
        FileWrite(message: message, content: Data(text.utf8).base64EncodedString(), sha: sha, branch: branch)
    }

    struct FileWrite: Encodable {
        let message: String
        let content: String
        let sha: String
        let branch: String?
    }

    /// `GET /repos/{repo}/commits?path=&sha=`: the newest commits that touched the file.
    public func commits(touching file: String, in repository: String, branch: String?, limit: Int) async throws(GitOpsError) -> [String] {
        struct Commit: Decodable { let sha: String }
        let call = GitHubCall(action: "list the commits of \(file)", repository: repository, permission: "Contents read")
        let list = url(repository, "commits", query: [("path", file), ("sha", branch), ("per_page", String(limit))])
        return try await get(list, as: [Commit].self, call: call).map(\.sha)
    }
}
