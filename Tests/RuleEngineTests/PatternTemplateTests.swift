@testable import RuleEngine
import Testing

@Suite("Pattern templates")
struct PatternTemplateTests {
    let template = PatternTemplate(definitions: [
        "version": #"v?\d+(?:\.\d+){0,2}"#,
        "release": "{{ version }}(?:-rc\\d+)?",
        "app": "[a-z][a-z0-9-]*",
        "loop": "a{{loop}}",
    ])

    @Test func referencesExpandIntoGroupsAndNestedOnesToo() throws {
        #expect(try template.expand("deploy (?<v>{{version}})") == #"deploy (?<v>(?:v?\d+(?:\.\d+){0,2}))"#)
        #expect(try template.expand("ship {{release}} of {{ app }}")
                == #"ship (?:(?:v?\d+(?:\.\d+){0,2})(?:-rc\d+)?) of (?:[a-z][a-z0-9-]*)"#)
    }

    @Test func textWithoutReferencesAndAnUnclosedOneStayAsTheyAre() throws {
        #expect(try template.expand(#"status \d{2} «ünïcode» {x}"#) == #"status \d{2} «ünïcode» {x}"#)
        #expect(try template.expand("déjà {{app}} then {{app") == "déjà (?:[a-z][a-z0-9-]*) then {{app")
    }

    @Test func anUndefinedNameOrACycleIsAnError() {
        #expect(throws: PatternTemplate.ExpansionError.self) { try template.expand("{{nope}}") }
        #expect(throws: PatternTemplate.ExpansionError.self) { try template.expand("x {{loop}}") }
        do {
            _ = try template.expand("a {{ missing }} b")
            Issue.record("expected an error")
        } catch .undefined(let name) {
            #expect(name == "missing")
        } catch {
            Issue.record("wrong error \(error)")
        }
    }
}
