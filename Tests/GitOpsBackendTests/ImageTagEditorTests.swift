import ChatOpsConfig
import GitOpsBackend
import Testing

@Suite("Image tag edits keep the rest of the manifest as it was")
struct ImageTagEditorTests {
    let kustomization = """
        # iris-classifier in staging
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../base
        images:
          - name: busybox
            newTag: "1.36"
          - name: ghcr.io/acme/iris-classifier
            newTag: v2.2 # set by chatops
        """

    @Test("kustomize: only the named image's newTag changes; comments and other images stay")
    func kustomizeNewTag() throws {
        let editor = ImageTagEditor(format: .kustomize(image: "ghcr.io/acme/iris-classifier"), file: "k.yaml")
        #expect(try editor.currentTag(in: kustomization) == "v2.2")
        let edited = try editor.settingTag("v2.3", in: kustomization)
        #expect(edited == kustomization.replacingOccurrences(of: "newTag: v2.2 # set by chatops", with: "newTag: v2.3 # set by chatops"))
    }

    @Test("a tag YAML would read as a number is quoted; a quoted tag keeps its quotes")
    func quoting() throws {
        let busybox = ImageTagEditor(format: .kustomize(image: "busybox"), file: "k.yaml")
        #expect(try busybox.settingTag("1.37", in: kustomization).contains("newTag: \"1.37\"\n"))
        let iris = ImageTagEditor(format: .kustomize(image: "ghcr.io/acme/iris-classifier"), file: "k.yaml")
        #expect(try iris.settingTag("2.10", in: kustomization).contains("newTag: \"2.10\" # set by chatops"))
        let values = ImageTagEditor(format: .values(path: ["image", "tag"]), file: "values.yaml")
        let text = "replicaCount: 2\nimage:\n  repository: ghcr.io/acme/payments-api\n  tag: 'v1.4.0'  # pinned\n"
        #expect(try values.settingTag("v1.5.0", in: text) == "replicaCount: 2\nimage:\n  repository: ghcr.io/acme/payments-api\n  tag: 'v1.5.0'  # pinned\n")
    }

    @Test("an images entry without newTag gets one under its name")
    func insertsNewTag() throws {
        let text = "images:\n  - name: ghcr.io/acme/iris-classifier\n    newName: registry.local/iris\nresources: [a.yaml]\n"
        let editor = ImageTagEditor(format: .kustomize(image: "ghcr.io/acme/iris-classifier"), file: "k.yaml")
        #expect(try editor.currentTag(in: text) == nil)
        #expect(try editor.settingTag("v3", in: text)
                == "images:\n  - name: ghcr.io/acme/iris-classifier\n    newTag: v3\n    newName: registry.local/iris\nresources: [a.yaml]\n")
    }

    @Test("flow-style entries are edited in place")
    func flowStyle() throws {
        let text = "images: [{name: ghcr.io/acme/iris-classifier, newTag: v1}, {name: x, newTag: v9}]\n"
        let editor = ImageTagEditor(format: .kustomize(image: "ghcr.io/acme/iris-classifier"), file: "k.yaml")
        #expect(try editor.settingTag("v2", in: text) == "images: [{name: ghcr.io/acme/iris-classifier, newTag: v2}, {name: x, newTag: v9}]\n")
    }

    @Test("what is missing or broken is named", arguments: [
        ("kind: Kustomization\n", "k.yaml has no `images:` list (add `images: [{name: ghcr.io/acme/iris-classifier, newTag: …}]`)"),
        ("images:\n  - name: other\n    newTag: v1\n", "k.yaml has no images entry named ghcr.io/acme/iris-classifier"),
        ("images: [\n", "k.yaml is not valid YAML"),
    ])
    func problems(text: String, expected: String) throws {
        let editor = ImageTagEditor(format: .kustomize(image: "ghcr.io/acme/iris-classifier"), file: "k.yaml")
        let error = #expect(throws: TagEditError.self) { try editor.settingTag("v2", in: text) }
        #expect(error?.description.hasPrefix(expected) == true, "\(String(describing: error))")
    }

    @Test("a values path that is not there is named")
    func missingValuesPath() {
        let editor = ImageTagEditor(format: .values(path: ["image", "tag"]), file: "values.yaml")
        let error = #expect(throws: TagEditError.self) { try editor.currentTag(in: "image:\n  repository: x\n") }
        #expect(error?.description == "values.yaml has no key image.tag")
    }

    @Test("only Docker tag characters are accepted as versions", arguments: [
        ("v2.3", true), ("2.3.1", true), ("release_2024-01", true), ("v2.3\nfoo: bar", false), ("-v2", false), ("v2 3", false),
        ("", false), ("a\"b", false), (String(repeating: "a", count: 129), false),
    ])
    func tags(tag: String, valid: Bool) {
        #expect(ImageTag.isValid(tag) == valid)
    }
}
