import ChatOpsApp
import ChatOpsTestSupport
import Foundation
import Testing

/// `docs/configuration.md` holds the settings table generated from the registered modules: a
/// setting added, renamed or re-described in code without the docs (or the other way round) fails here.
@Suite("The configuration reference")
struct ConfigurationReferenceTests {
    @Test func theDocumentedSettingsAreTheRegisteredModulesSettings() throws {
        let doc = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- settings:begin -->\n"))
        let end = try #require(doc.range(of: "<!-- settings:end -->"))
        let documented = String(doc[begin.upperBound..<end.lowerBound])
        let generated = ConfigurationReference.markdown(.standard)
        #expect(documented == generated, "regenerate with: chatops config reference, between the settings markers of docs/configuration.md")
    }

    @Test func everyRegisteredSettingIsInTheReferenceOnce() {
        let table = ConfigurationReference.markdown(.standard)
        for key in ChatOpsModules.standard.settings.keys {
            #expect(table.components(separatedBy: "| `\(key.path)` |").count == 2, "\(key.path)")
            #expect(!key.summary.isEmpty, "\(key.path) needs a summary")
        }
    }
}
