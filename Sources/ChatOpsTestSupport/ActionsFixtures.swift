/// Changes the tests make to recorded GitHub Actions answers that have no failure in them.
public enum ActionsFixtures {
    /// A `GET …/actions/runs/{id}/jobs` body with its first job, and that job's step named `step`,
    /// concluded `failure` (the recording's jobs all succeeded).
    public static func failingFirstJob(_ body: [String: Any], step: String = "Run tests") -> [String: Any] {
        var body = body
        var jobs = body["jobs"] as? [[String: Any]] ?? []
        guard !jobs.isEmpty else { return body }
        jobs[0]["conclusion"] = "failure"
        jobs[0]["steps"] = (jobs[0]["steps"] as? [[String: Any]] ?? []).map { original in
            var changed = original
            if changed["name"] as? String == step { changed["conclusion"] = "failure" }
            return changed
        }
        body["jobs"] = jobs
        return body
    }
}
