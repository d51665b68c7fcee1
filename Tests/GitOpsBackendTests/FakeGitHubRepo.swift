import ChatOpsTestSupport
import Foundation
import Synchronization

/// A GitOps repository behind a fake GitHub REST API, answering as GitHub does: contents with
/// base64 in 60-column lines and the blob sha, 409 when a write names a stale sha, branches,
/// pull requests and their merge, and the commits that touched a file.
final class FakeGitHubRepo: Sendable {
    struct State {
        var branches: [String: [String: String]] = [:]   // branch → path → text
        var history: [(sha: String, path: String, text: String)] = []   // newest last, on main
        var conflictsLeft = 0
        var mergeRefusal: String?
        var commitCounter = 0
        var mergedSHA: String?
        var pullHead: String?
    }

    let repository = "acme/ml-platform-gitops"
    let state: Mutex<State>

    init(files: [String: String], conflicts: Int = 0) {
        var initial = State()
        initial.branches["main"] = files
        initial.conflictsLeft = conflicts
        state = Mutex(initial)
    }

    func text(_ path: String, branch: String = "main") -> String? { state.withLock { $0.branches[branch]?[path] } }

    /// The commit main is at: what Argo CD syncs to.
    var head: String? { state.withLock { $0.mergedSHA ?? $0.history.last?.sha } }

    func refuseMerges(_ reason: String) { state.withLock { $0.mergeRefusal = reason } }

    func allowMerges() { state.withLock { $0.mergeRefusal = nil } }

    static func blobSHA(_ text: String) -> String { String(format: "%040x", abs(text.hashValue) % Int(Int32.max)) }

    func respond(_ request: RecordedRequest) -> FakeResponse {
        let prefix = "/repos/\(repository)/"
        guard request.path.hasPrefix(prefix) else {
            return request.path == "/repos/\(repository)" ? .json(#"{"default_branch":"main"}"#) : notFound()
        }
        let rest = String(request.path.dropFirst(prefix.count))
        let query = Dictionary(uniqueKeysWithValues: request.query.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
        return state.withLock { state in
            switch (request.method, rest) {
            case ("GET", let r) where r.hasPrefix("contents/"):
                let path = String(r.dropFirst("contents/".count))
                let ref = query["ref"] ?? "main"
                let text = state.branches[ref]?[path] ?? state.history.last { $0.sha == ref && $0.path == path }?.text
                guard let text else { return notFound() }
                let base64 = Data(text.utf8).base64EncodedString().chunked(60)
                return .json(#"{"type":"file","encoding":"base64","name":"\#(path.split(separator: "/").last!)","path":"\#(path)","sha":"\#(Self.blobSHA(text))","content":"\#(base64)"}"#)
            case ("PUT", let r) where r.hasPrefix("contents/"):
                let path = String(r.dropFirst("contents/".count))
                let body = request.json ?? [:]
                let branch = body["branch"] as? String ?? "main"
                guard let current = state.branches[branch]?[path] else { return notFound() }
                if state.conflictsLeft > 0 {
                    state.conflictsLeft -= 1
                    state.branches[branch]![path] = current + "# touched by someone else\n"
                    return .json(#"{"message":"\#(path) does not match \#(body["sha"] as? String ?? "")","status":"409"}"#, status: 409)
                }
                guard body["sha"] as? String == Self.blobSHA(current),
                      let content = (body["content"] as? String).flatMap({ Data(base64Encoded: $0) }) else {
                    return .json(#"{"message":"\#(path) does not match","status":"409"}"#, status: 409)
                }
                let text = String(decoding: content, as: UTF8.self)
                state.branches[branch]![path] = text
                state.commitCounter += 1
                let sha = String(format: "c0ffee%034d", state.commitCounter)
                if branch == "main" { state.history.append((sha, path, text)) }
                return .json(#"{"content":{"sha":"\#(Self.blobSHA(text))"},"commit":{"sha":"\#(sha)","message":"x"}}"#)
            case ("GET", "git/ref/heads/main"):
                return .json(#"{"ref":"refs/heads/main","object":{"sha":"basehead0000000000000000000000000000000000","type":"commit"}}"#)
            case ("POST", "git/refs"):
                let ref = (request.json?["ref"] as? String ?? "").replacingOccurrences(of: "refs/heads/", with: "")
                if state.branches[ref] != nil {
                    return .json(#"{"message":"Reference already exists","documentation_url":"https://docs.github.com/rest/git/refs#create-a-reference","status":"422"}"#,
                                 status: 422)
                }
                state.branches[ref] = state.branches["main"]
                return .json(#"{"ref":"refs/heads/\#(ref)","object":{"sha":"basehead0000000000000000000000000000000000"}}"#, status: 201)
            case ("POST", "pulls"):
                if state.pullHead != nil, state.pullHead == request.json?["head"] as? String {
                    return .json(#"{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for acme:\#(state.pullHead!)."}],"status":"422"}"#,
                                 status: 422)
                }
                state.pullHead = request.json?["head"] as? String
                return .json(#"{"number":12,"html_url":"https://github.com/\#(repository)/pull/12","head":{"sha":"prhead00000000000000000000000000000000000"}}"#,
                             status: 201)
            case ("PUT", "pulls/12/merge"):
                if let refusal = state.mergeRefusal { return .json(#"{"message":"\#(refusal)"}"#, status: 405) }
                state.branches["main"] = state.pullHead.flatMap { state.branches[$0] } ?? state.branches["main"]
                state.mergedSHA = "merged0000000000000000000000000000000000"
                return .json(#"{"sha":"merged0000000000000000000000000000000000","merged":true,"message":"Pull Request successfully merged"}"#)
            case ("GET", "pulls"):
                guard let head = state.pullHead, query["head"] == "acme:\(head)", state.mergedSHA == nil else { return .json("[]") }
                return .json(#"[{"number":12,"html_url":"https://github.com/\#(repository)/pull/12","head":{"sha":"prhead00000000000000000000000000000000000"}}]"#)
            case ("GET", "commits"):
                let path = query["path"] ?? ""
                let shas = state.history.filter { $0.path == path }.reversed().map { #"{"sha":"\#($0.sha)"}"# }
                return .json("[" + shas.joined(separator: ",") + "]")
            default:
                return notFound()
            }
        }
    }

    func notFound() -> FakeResponse {
        .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#, status: 404)
    }

    /// Files as they were in earlier commits (oldest first), for the rollback history.
    func seedHistory(_ versions: [(path: String, text: String)]) {
        state.withLock { state in
            for (path, text) in versions {
                state.commitCounter += 1
                state.history.append((String(format: "0aa%037d", state.commitCounter), path, text))
            }
        }
    }
}

extension String {
    /// GitHub wraps base64 content at 60 characters, with `\n` (escaped in the JSON).
    func chunked(_ width: Int) -> String {
        var lines: [Substring] = []
        var rest = Substring(self)
        while !rest.isEmpty { lines.append(rest.prefix(width)); rest = rest.dropFirst(width) }
        return lines.joined(separator: "\\n")
    }
}
