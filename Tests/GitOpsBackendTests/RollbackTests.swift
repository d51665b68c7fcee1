import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import Foundation
import GitOpsBackend
import Testing

@Suite("rollback: the GitOps way by default, Argo CD's own where configured", .serialized)
struct RollbackTests {
    typealias H = DeliveryHarness

    @Test("GitOps rollback writes back the newest earlier version from the file's history, then syncs")
    func gitopsRollbackFindsThePreviousVersion() async throws {
        let h = try await H.start(files: [H.stagingFile: H.kustomization("v2.3")])
        h.repo.seedHistory([(H.stagingFile, H.kustomization("v2.1")), (H.stagingFile, H.kustomization("v2.2")),
                            (H.stagingFile, H.kustomization("v2.3") + "# comment only\n"), (H.stagingFile, H.kustomization("v2.3"))])
        let notes = MemoryNotes()
        let result = await h.rollback(H.input(.rollback, ["app": "iris", "env": "staging"], notes: notes))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.repo.text(H.stagingFile) == H.kustomization("v2.2"))
        let noted = await notes.all
        #expect(noted[ChangeNote.previousVersion] == "v2.3" && noted[ChangeNote.version] == "v2.2", "\(noted)")
        let list = try #require(h.github.requests.first)
        #expect(list.path == "/repos/acme/ml-platform-gitops/commits")
        #expect(list.query.contains("path=apps/iris-classifier/overlays/staging/kustomization.yaml") && list.query.contains("sha=main"))
        #expect(result.text.hasPrefix("iris-classifier in staging is rolled back to v2.2: Synced and Healthy."))
        let message = try #require(h.github.requests.last?.json?["message"] as? String)
        #expect(message.hasPrefix("rollback iris-classifier in staging to v2.2\n"))
    }

    @Test("rollback to a named version writes that version without reading history")
    func rollbackToNamedVersion() async throws {
        let h = try await H.start()
        let result = await h.rollback(H.input(.rollback, ["app": "iris", "env": "staging", "to": "v1.9"]))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.repo.text(H.stagingFile) == H.kustomization("v1.9"))
        #expect(!h.githubCalls.contains { $0.contains("/commits") })
    }

    @Test("a history with no other version says so and changes nothing")
    func noEarlierVersion() async throws {
        let h = try await H.start()
        h.repo.seedHistory([(H.stagingFile, H.kustomization("v2.2"))])
        let result = await h.rollback(H.input(.rollback, ["app": "iris", "env": "staging"]))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(result.text.contains("hold no version other than v2.2; say which: rollback … to VERSION"))
        #expect(!h.githubCalls.contains { $0.hasPrefix("PUT") })
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("rollback: argocd posts Argo CD's rollback to the history entry before the current one")
    func argocdRollback() async throws {
        var text = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        text = text.replacingOccurrences(of: "        rollback: gitops\n", with: "        rollback: argocd\n")
        let catalog = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: text, file: "c.yaml").catalog
        let h = try await H.start(catalog: catalog)
        let result = await h.rollback(H.input(.rollback, ["app": "iris", "env": "prod"], approvers: ["bob"]))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.github.requests.isEmpty)
        let post = try #require(h.argocd.requests.first { $0.method == "POST" })
        #expect(post.path == "/api/v1/applications/iris-classifier-prod/rollback")
        #expect(post.json?["id"] as? Int == 22, "the captured history's ids run 14…23: the one before the current is 22")
        #expect(post.json?["name"] as? String == "iris-classifier-prod")
        #expect(result.text.hasPrefix("iris-classifier in prod is rolled back to Argo CD history entry 22"))
    }
}
