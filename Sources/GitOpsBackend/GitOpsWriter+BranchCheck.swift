extension GitOpsWriter {
    /// What is wrong with `head` as this change's commit (`comparison` is the base against it),
    /// or nil when it is exactly this change:
    /// one commit past where it forked from the base, touching only the target file, whose text
    /// is exactly what setting the tag makes of the file at the fork. (A squash merge lands that
    /// diff, so nothing else can ride along.)
    func problem(with change: GitOpsChange, head: String, _ comparison: Comparison) async throws -> String? {
        let target = change.target
        let others = comparison.files.map(\.filename).filter { $0 != target.file }
        if !others.isEmpty {
            return "it also changes \(others.prefix(5).joined(separator: ", "))\(others.count > 5 ? " and \(others.count - 5) more" : "")"
        }
        guard let file = comparison.files.first else { return "it does not change \(target.file) at all" }
        guard file.status == "modified" else { return "it has \(target.file) \(file.status), where chatops only edits it" }
        guard comparison.aheadBy == 1 else {
            return "it is \(comparison.aheadBy) commits ahead of where it forked, where chatops makes one"
        }
        let forked = try await github.file(target.repository, target.file, ref: comparison.mergeBase)
        let onBranch = try await github.file(target.repository, target.file, ref: head)
        let expected = try ImageTagEditor(format: target.format, file: target.file).settingTag(change.version, in: forked.text)
        guard let line = Self.firstDifferentLine(onBranch.text, expected) else { return nil }
        return "its \(target.file) differs from the file with only the tag set to \(change.version), from line \(line) on"
    }

    /// The first line (1-based) where two texts differ, or nil when they are equal. Only the
    /// number is reported: the line itself is someone else's text and goes into chat.
    static func firstDifferentLine(_ a: String, _ b: String) -> Int? {
        guard a != b else { return nil }
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return (0..<max(left.count, right.count)).first { i in
            i >= left.count || i >= right.count || left[i] != right[i]
        }.map { $0 + 1 } ?? 1
    }
}
