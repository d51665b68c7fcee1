import ChatOpsTestSupport
import Foundation

/// The fake's answers, shaped as GitHub's REST reference shows them (the fields the bot reads,
/// and enough around them to look like the real thing).
extension FakeGitHubRepo {
    func get(_ rest: String, query: [String: String], _ state: inout State) -> FakeResponse {
        if rest.hasPrefix("contents/") {
            let path = String(rest.dropFirst("contents/".count))
            guard let sha = Self.resolve(query["ref"] ?? "main", in: state), let text = state.commits[sha]?.files[path] else { return Self.notFound() }
            let base64 = Data(text.utf8).base64EncodedString().chunked(60)
            return .json(#"{"type":"file","encoding":"base64","name":"\#(path.split(separator: "/").last!)","path":"\#(path)","sha":"\#(Self.blobSHA(text))","content":"\#(base64)"}"#)
        }
        if rest.hasPrefix("git/ref/heads/") {
            let branch = String(rest.dropFirst("git/ref/heads/".count))
            guard let sha = state.branches[branch] else { return Self.notFound() }
            return refJSON(branch, sha)
        }
        if rest.hasPrefix("compare/") {
            let ends = rest.dropFirst("compare/".count).components(separatedBy: "...")
            guard ends.count == 2, let base = Self.resolve(ends[0], in: state), let head = Self.resolve(ends[1], in: state) else { return Self.notFound() }
            return compare(base, head, state)
        }
        if rest.hasPrefix("pulls/"), let number = Int(rest.dropFirst("pulls/".count)) {
            guard let pull = state.pulls.first(where: { $0.number == number }) else { return Self.notFound() }
            return .json(pullJSON(pull, state))
        }
        switch rest {
        case "pulls":
            let found = state.pulls.filter { pull in
                pull.open && query["head"] == "acme:\(pull.branch)" && (query["base"] ?? pull.base) == pull.base
            }
            return .json("[" + found.map { pullJSON($0, state) }.joined(separator: ",") + "]")
        case "commits":
            guard let start = Self.resolve(query["sha"] ?? "main", in: state) else { return Self.notFound() }
            let path = query["path"] ?? ""
            let shas = Self.ancestry(start, in: state).filter { state.commits[$0]!.wrote.contains(path) }.prefix(Int(query["per_page"] ?? "") ?? 30)
            return .json("[" + shas.map { #"{"sha":"\#($0)"}"# }.joined(separator: ",") + "]")
        default:
            return Self.notFound()
        }
    }

    func putContents(_ path: String, _ body: [String: Any], _ state: inout State) -> FakeResponse {
        let branch = body["branch"] as? String ?? "main"
        guard let head = state.branches[branch], let current = state.commits[head]?.files[path] else { return Self.notFound() }
        if state.conflictsLeft > 0 {
            state.conflictsLeft -= 1
            Self.commit([path: current + "# touched by someone else\n"], on: branch, parent: head, prefix: "0ther", in: &state)
            return .json(#"{"message":"\#(path) does not match \#(body["sha"] as? String ?? "")","status":"409"}"#, status: 409)
        }
        guard body["sha"] as? String == Self.blobSHA(current),
              let content = (body["content"] as? String).flatMap({ Data(base64Encoded: $0) }) else {
            return .json(#"{"message":"\#(path) does not match","status":"409"}"#, status: 409)
        }
        let text = String(decoding: content, as: UTF8.self)
        let sha = Self.commit([path: text], on: branch, parent: head, prefix: "c0ffee", in: &state)
        return .json(#"""
            {"content":{"name":"\#(path.split(separator: "/").last!)","path":"\#(path)","sha":"\#(Self.blobSHA(text))"},
             "commit":{"sha":"\#(sha)","message":"x","parents":[{"url":"https://api.github.com/repos/\#(repository)/git/commits/\#(head)","sha":"\#(head)"}]}}
            """#)
    }

    func createRef(_ body: [String: Any], _ state: inout State) -> FakeResponse {
        let branch = (body["ref"] as? String ?? "").replacingOccurrences(of: "refs/heads/", with: "")
        guard state.branches[branch] == nil else {
            return .json(#"{"message":"Reference already exists","documentation_url":"https://docs.github.com/rest/git/refs#create-a-reference","status":"422"}"#,
                         status: 422)
        }
        guard let sha = body["sha"] as? String, state.commits[sha] != nil else {
            return .json(#"{"message":"Object does not exist","status":"422"}"#, status: 422)
        }
        state.branches[branch] = sha
        return refJSON(branch, sha, status: 201)
    }

    func openPull(_ body: [String: Any], _ state: inout State) -> FakeResponse {
        let branch = body["head"] as? String ?? ""
        let base = body["base"] as? String ?? ""
        if state.pulls.contains(where: { $0.open && $0.branch == branch && $0.base == base }) {
            return .json(#"{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for acme:\#(branch)."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request","status":"422"}"#,
                         status: 422)
        }
        let pull = Pull(number: state.nextPull, branch: branch, base: base, author: Self.botLogin)
        state.pulls.append(pull)
        state.nextPull += 1
        return .json(pullJSON(pull, state), status: 201)
    }

    func merge(_ number: Int, _ body: [String: Any], _ state: inout State) -> FakeResponse {
        guard let index = state.pulls.firstIndex(where: { $0.number == number }) else { return Self.notFound() }
        let pull = state.pulls[index]
        guard pull.open else { return .json(#"{"message":"Pull Request is not mergeable","status":"405"}"#, status: 405) }
        if let refusal = state.mergeRefusal { return .json(#"{"message":"\#(refusal)","status":"405"}"#, status: 405) }
        let head = state.branches[pull.branch]!
        if let sha = body["sha"] as? String, sha != head {
            return .json(#"{"message":"Head branch was modified. Review and try the merge again.","documentation_url":"https://docs.github.com/rest/pulls/pulls#merge-a-pull-request","status":"409"}"#,
                         status: 409)
        }
        // Squash: what the branch changed since it forked from main, as one commit on main.
        let main = state.branches["main"]!
        let fork = mergeBase(main, head, state)
        let changed = state.commits[head]!.files.filter { state.commits[fork]!.files[$0.key] != $0.value }
        let sha = Self.commit(changed, on: "main", parent: main, prefix: "merged", in: &state)
        state.pulls[index].open = false
        state.pulls[index].merged = true
        return .json(#"{"sha":"\#(sha)","merged":true,"message":"Pull Request successfully merged"}"#)
    }

    /// `PATCH /pulls/{n}` with `state: closed`, as GitHub answers it (the pull request).
    func updatePull(_ number: Int, _ body: [String: Any], _ state: inout State) -> FakeResponse {
        guard let index = state.pulls.firstIndex(where: { $0.number == number }) else { return Self.notFound() }
        if body["state"] as? String == "closed" { state.pulls[index].open = false }
        return .json(pullJSON(state.pulls[index], state))
    }

    /// `DELETE /git/refs/heads/{branch}`: 204 with no body, or 422 "Reference does not exist".
    func deleteRef(_ branch: String, _ state: inout State) -> FakeResponse {
        guard state.branches.removeValue(forKey: branch) != nil else {
            return .json(#"{"message":"Reference does not exist","documentation_url":"https://docs.github.com/rest"}"#, status: 422)
        }
        return FakeResponse(status: 204)
    }

    func mergeBase(_ base: String, _ head: String, _ state: State) -> String {
        let onBase = Set(Self.ancestry(base, in: state))
        return Self.ancestry(head, in: state).first { onBase.contains($0) }!
    }

    func compare(_ base: String, _ head: String, _ state: State) -> FakeResponse {
        let fork = mergeBase(base, head, state)
        let ahead = Self.ancestry(head, in: state).prefix { $0 != fork }
        let behind = Self.ancestry(base, in: state).prefix { $0 != fork }
        let before = state.commits[fork]!.files
        let after = state.commits[head]!.files
        let files = Set(before.keys).union(after.keys).sorted().compactMap { path -> String? in
            let status = before[path] == nil ? "added" : after[path] == nil ? "removed" : before[path] != after[path] ? "modified" : nil
            return status.map { #"{"sha":"\#(Self.blobSHA(after[path] ?? ""))","filename":"\#(path)","status":"\#($0)","additions":1,"deletions":1,"changes":2}"# }
        }
        let status = ahead.isEmpty && behind.isEmpty ? "identical" : behind.isEmpty ? "ahead" : ahead.isEmpty ? "behind" : "diverged"
        let commits = ahead.reversed().map { #"{"sha":"\#($0)","commit":{"message":"x"}}"# }
        return .json(#"""
            {"url":"https://api.github.com/repos/\#(repository)/compare/\#(base)...\#(head)","status":"\#(status)",
             "ahead_by":\#(ahead.count),"behind_by":\#(behind.count),"total_commits":\#(ahead.count),
             "base_commit":{"sha":"\#(base)"},"merge_base_commit":{"sha":"\#(fork)"},
             "commits":[\#(commits.joined(separator: ","))],"files":[\#(files.joined(separator: ","))]}
            """#)
    }

    func refJSON(_ branch: String, _ sha: String, status: Int = 200) -> FakeResponse {
        .json(#"{"ref":"refs/heads/\#(branch)","node_id":"REF_x","url":"https://api.github.com/repos/\#(repository)/git/refs/heads/\#(branch)","object":{"sha":"\#(sha)","type":"commit"}}"#,
              status: status)
    }

    func pullJSON(_ pull: Pull, _ state: State) -> String {
        #"""
        {"number":\#(pull.number),"state":"\#(pull.open ? "open" : "closed")","html_url":"https://github.com/\#(repository)/pull/\#(pull.number)",
         "user":{"login":"\#(pull.author)","type":"User"},"merged":\#(pull.merged),
         "head":{"label":"acme:\#(pull.branch)","ref":"\#(pull.branch)","sha":"\#(state.branches[pull.branch] ?? "")"},
         "base":{"label":"acme:\#(pull.base)","ref":"\#(pull.base)","sha":"\#(state.branches[pull.base] ?? "")"}}
        """#
    }
}
