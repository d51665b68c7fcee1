import ChatOpsTestSupport
import Foundation
import Synchronization

/// A GitOps repository behind a fake GitHub REST API, answering as api.github.com does: a small
/// commit graph with branches, contents in base64 (60-column lines) with the blob sha and 409 on
/// a stale one, refs, compare, pull requests with their author, and merge (squash; 409 when its
/// `sha` is no longer the head). The token acts as `chatops-bot`; tests push and open pull
/// requests as other people to attack it.
final class FakeGitHubRepo: Sendable {
    static let botLogin = "chatops-bot"
    static let rootSHA = "basehead00000000000000000000000000000000"

    struct Commit {
        let sha: String
        let parent: String?
        let files: [String: String]
        /// The paths this commit wrote (what `commits?path=` lists it for).
        let wrote: Set<String>
    }

    struct Pull {
        let number: Int
        let branch: String
        let base: String
        let author: String
        var open = true
        var merged = false
    }

    struct State {
        var commits: [String: Commit] = [:]
        var branches: [String: String] = [:]   // name → head sha
        var pulls: [Pull] = []
        var nextPull = 12
        var conflictsLeft = 0
        var mergeRefusal: String?
        var counter = 0
    }

    let repository = "acme/ml-platform-gitops"
    let state: Mutex<State>

    init(files: [String: String], conflicts: Int = 0) {
        var initial = State()
        initial.commits[Self.rootSHA] = Commit(sha: Self.rootSHA, parent: nil, files: files, wrote: Set(files.keys))
        initial.branches["main"] = Self.rootSHA
        initial.conflictsLeft = conflicts
        state = Mutex(initial)
    }

    func text(_ path: String, branch: String = "main") -> String? {
        state.withLock { state in state.branches[branch].flatMap { state.commits[$0]?.files[path] } }
    }

    /// The commit main is at: what Argo CD syncs to.
    var head: String? { branchHead("main") }

    func branchHead(_ branch: String) -> String? { state.withLock { $0.branches[branch] } }

    func pull(_ number: Int) -> Pull? { state.withLock { $0.pulls.first { $0.number == number } } }

    /// Every pull request, oldest first.
    var pulls: [Pull] { state.withLock { $0.pulls } }

    func refuseMerges(_ reason: String) { state.withLock { $0.mergeRefusal = reason } }

    func allowMerges() { state.withLock { $0.mergeRefusal = nil } }

    static func blobSHA(_ text: String) -> String { String(format: "%040x", abs(text.hashValue) % Int(Int32.max)) }

    /// Someone pushes a commit setting `files` to `branch` (made from main when it is new).
    @discardableResult
    func push(_ files: [String: String], to branch: String) -> String {
        state.withLock { state in
            let parent = state.branches[branch] ?? state.branches["main"]!
            return Self.commit(files, on: branch, parent: parent, prefix: "bad", in: &state)
        }
    }

    /// Someone force-pushes `branch` to one new commit setting `files` on `parent`.
    @discardableResult
    func forcePush(_ files: [String: String], to branch: String, onto parent: String) -> String {
        state.withLock { state in Self.commit(files, on: branch, parent: parent, prefix: "bad", in: &state) }
    }

    /// Someone opens a pull request from `branch` into main.
    @discardableResult
    func openPull(from branch: String, by author: String) -> Int {
        state.withLock { state in
            state.pulls.append(Pull(number: state.nextPull, branch: branch, base: "main", author: author))
            state.nextPull += 1
            return state.nextPull - 1
        }
    }

    /// Someone closes pull request `number` on GitHub.
    func closePull(_ number: Int) {
        state.withLock { state in
            if let index = state.pulls.firstIndex(where: { $0.number == number }) { state.pulls[index].open = false }
        }
    }

    /// Files as they were in earlier commits on main (oldest first), for the rollback history.
    func seedHistory(_ versions: [(path: String, text: String)]) {
        state.withLock { state in
            for (path, text) in versions { Self.commit([path: text], on: "main", parent: state.branches["main"]!, prefix: "0aa", in: &state) }
        }
    }

    @discardableResult
    static func commit(_ files: [String: String], on branch: String, parent: String, prefix: String, in state: inout State) -> String {
        state.counter += 1
        let sha = prefix + String(format: "%0\(40 - prefix.count)d", state.counter)
        let merged = state.commits[parent]!.files.merging(files) { _, new in new }
        state.commits[sha] = Commit(sha: sha, parent: parent, files: merged, wrote: Set(files.keys))
        state.branches[branch] = sha
        return sha
    }

    /// A branch name or a commit sha, as GitHub resolves `ref` and compare's ends.
    static func resolve(_ ref: String, in state: State) -> String? {
        state.branches[ref] ?? (state.commits[ref] != nil ? ref : nil)
    }

    /// `sha` and its ancestors, newest first.
    static func ancestry(_ sha: String, in state: State) -> [String] {
        var chain: [String] = []
        var next: String? = sha
        while let current = next { chain.append(current); next = state.commits[current]?.parent }
        return chain
    }

    func respond(_ request: RecordedRequest) -> FakeResponse {
        if request.path == "/user" { return .json(#"{"login":"\#(Self.botLogin)","id":90001,"type":"User"}"#) }
        let prefix = "/repos/\(repository)/"
        guard request.path.hasPrefix(prefix) else {
            return request.path == "/repos/\(repository)" ? .json(#"{"default_branch":"main"}"#) : Self.notFound()
        }
        let rest = String(request.path.dropFirst(prefix.count))
        let query = Dictionary(request.query.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }) { _, last in last }
        return state.withLock { state in
            switch request.method {
            case "GET": return get(rest, query: query, &state)
            case "PUT" where rest.hasPrefix("contents/"): return putContents(String(rest.dropFirst("contents/".count)), request.json ?? [:], &state)
            case "POST" where rest == "git/refs": return createRef(request.json ?? [:], &state)
            case "POST" where rest == "pulls": return openPull(request.json ?? [:], &state)
            case "PUT" where rest.hasPrefix("pulls/") && rest.hasSuffix("/merge"):
                return merge(Int(rest.split(separator: "/")[1]) ?? 0, request.json ?? [:], &state)
            case "PATCH" where rest.hasPrefix("pulls/"): return updatePull(Int(rest.split(separator: "/")[1]) ?? 0, request.json ?? [:], &state)
            case "DELETE" where rest.hasPrefix("git/refs/heads/"):
                return deleteRef(String(rest.dropFirst("git/refs/heads/".count)).removingPercentEncoding ?? "", &state)
            default: return Self.notFound()
            }
        }
    }

    static func notFound() -> FakeResponse {
        .json(#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#, status: 404)
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
