import ChatOpsConfig
import Yams

/// Reads and sets an image tag in a manifest file without disturbing the rest of it: comments,
/// order and quoting stay as they were; only the tag's text changes (or, in a kustomization entry
/// without one, a `newTag:` line is added under `name:`).
public struct ImageTagEditor: Sendable {
    let format: GitOpsTarget.Format
    let file: String

    public init(format: GitOpsTarget.Format, file: String) {
        self.format = format
        self.file = file
    }

    public func currentTag(in text: String) throws(TagEditError) -> String? {
        try locate(in: text).value?.string
    }

    public func settingTag(_ tag: String, in text: String) throws(TagEditError) -> String {
        let place = try locate(in: text)
        var lines = text.components(separatedBy: "\n")
        if let value = place.value {
            guard let mark = value.mark else { throw .cannotEdit(file: file, reason: "the tag has no position") }
            let index = mark.line - 1
            lines[index] = ScalarText.replace(in: lines[index], atColumn: mark.column - 1, style: value.style, with: tag)
        } else if let name = place.insertAfter {
            let indent = String(repeating: " ", count: name.column - 1)
            lines.insert("\(indent)newTag: \(ScalarText.plainOrQuoted(tag))", at: name.line)
        }
        let edited = lines.joined(separator: "\n")
        guard (try? currentTag(in: edited)) == tag else {
            throw .cannotEdit(file: file, reason: "the edited file did not read back with tag \(tag); edit it by hand once")
        }
        return edited
    }

    struct Place {
        var value: Node.Scalar?
        /// Where the kustomization entry's `name:` key is, when it has no `newTag` yet.
        var insertAfter: Mark?
    }

    func locate(in text: String) throws(TagEditError) -> Place {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw .notYAML(file: file, detail: "\(error)") }
        guard let root, let top = root.mapping else { throw .missing(file: file, what: "YAML mapping at the top") }
        switch format {
        case .kustomize(let image):
            guard let entries = top["images"]?.sequence else {
                throw .missing(file: file, what: "`images:` list (add `images: [{name: \(image), newTag: …}]`)")
            }
            for entry in entries {
                guard let fields = entry.mapping, fields["name"]?.scalar?.string == image else { continue }
                if let tag = fields["newTag"] {
                    guard let scalar = tag.scalar else { throw .missing(file: file, what: "plain newTag for \(image)") }
                    return Place(value: scalar)
                }
                guard fields.style != .flow, let key = fields.keys.first(where: { $0.scalar?.string == "name" })?.mark else {
                    throw .cannotEdit(file: file, reason: "the images entry for \(image) has no newTag; add one by hand once")
                }
                return Place(insertAfter: key)
            }
            throw .missing(file: file, what: "images entry named \(image) (check gitops.image in the configuration)")
        case .values(let path):
            var node: Node = root
            for key in path {
                guard let next = node.mapping?[key] else { throw .missing(file: file, what: "key \(path.joined(separator: "."))") }
                node = next
            }
            guard let scalar = node.scalar else { throw .missing(file: file, what: "plain value at \(path.joined(separator: "."))") }
            return Place(value: scalar)
        }
    }
}

/// Why a manifest could not be read or changed.
public enum TagEditError: Error, Sendable, CustomStringConvertible {
    case notYAML(file: String, detail: String)
    case missing(file: String, what: String)
    case cannotEdit(file: String, reason: String)

    public var description: String {
        switch self {
        case .notYAML(let file, let detail): return "\(file) is not valid YAML: \(detail)"
        case .missing(let file, let what): return "\(file) has no \(what)"
        case .cannotEdit(let file, let reason): return "\(file) cannot be edited automatically: \(reason)"
        }
    }
}
