import CPCRE2
@testable import RuleEngine
import Testing

@Suite("What a pattern's matches must contain")
struct PatternLiteralAnalyzerTests {
    /// The usable clauses of a pattern (shortest literal of two bytes or more), each as sorted literals.
    func clauses(_ pattern: String, options: PatternOptions = [.utf, .caseInsensitive]) -> Set<[String]> {
        let requirement = PatternLiteralAnalyzer().requirement(of: pattern, options: options.rawValue)
        return Self.strings(requirement.clauses(limits: .standard).map { $0.minimized() }.filter { $0.strength >= 2 })
    }

    static func strings(_ clauses: [LiteralClause]) -> Set<[String]> {
        Set(clauses.map { clause in clause.literals.map { String(decoding: $0, as: UTF8.self) }.sorted() })
    }

    @Test func theStrongestClauseIsKeptAndOthersOnlyWhenRare() {
        let requirement = PatternLiteralAnalyzer().requirement(
            of: #"^deploy\s+(?<v>v?\d+)\s+to\s+(?<env>dev|staging|qa|prod(?:uction)?)\s+(?:right\s+)?now\s+please$"#,
            options: PatternOptions.rule.rawValue)
        // "to" and the environments (a two-letter "qa") are met by too many texts to be worth counting.
        #expect(Self.strings(PatternPrefilter.selectClauses(requirement, limits: .standard)) == [["please"], ["deploy"]])
        #expect(PatternPrefilter.selectClauses(LiteralRequirement.all([.literal(Array("to".utf8)), .literal(Array("qa".utf8))]),
                                               limits: .standard).count == 1)
    }

    @Test func wordsSeparatedByClassesAreEachRequired() {
        #expect(clauses(#"^deploy\s+(?<v>v?\d+)\s+to\s+(?<env>dev|staging|qa|prod(?:uction)?)\s*$"#)
            == [["deploy"], ["to"], ["dev", "prod", "qa", "staging"]])
    }

    @Test func optionalPiecesGiveEveryVariant() {
        #expect(clauses("restarts?(?: the)? pods") == [["restart pods", "restart the pods", "restarts pods", "restarts the pods"]])
    }

    @Test func alternativesOfConditionsBecomeOneClausePerChoice() {
        // (a∧b) ∨ c  =  (a∨c) ∧ (b∨c), and "rollback" contains both "roll" and "back"
        #expect(clauses(#"(?:roll\s+back|rollback)\s+\w+"#) == [["back"], ["roll"]])
        #expect(clauses(#"(?:roll\s+back|undo)\s+\w+"#) == [["back", "undo"], ["roll", "undo"]])
    }

    @Test func upperCaseLiteralsAreFolded() {
        #expect(clauses("Status (?-i:OF) iris") == [["status of iris"]])
    }

    @Test func smallClassesAreExpandedAndLargeOnesAreNot() {
        #expect(clauses("v[12]-beta") == [["v1-beta", "v2-beta"]])
        #expect(clauses("log[a-z]files") == [["files"], ["log"]])
        #expect(clauses(#"page (?<about>[^\n]{1,200}?) now"#) == [["page "], [" now"]])
        #expect(clauses(#"tab[\t]stop"#) == [["tab\tstop"]])
    }

    @Test func zeroWidthItemsConsumeNothing() {
        #expect(clauses(#"\bscale(?=\s)(?!\s+to\b)\s+up"#) == [["scale"], ["up"]])
    }

    @Test func optionalOrRepeatedGroupsRequireNothingOrTheirContent() {
        #expect(clauses("(?:please )?sync") == [["sync"]])  // "please sync" contains "sync"
        #expect(clauses("(?:ab)*cd") == [["cd"]])
        #expect(clauses("(?:scale)+ it") == [["scale"], [" it"]])
        #expect(clauses("(?:scale){2,3} it") == [["scale"], [" it"]])
    }

    @Test func weakClausesAreDropped() {
        #expect(clauses(#"a\s+b"#).isEmpty)
    }

    @Test func whatTheReaderDoesNotUnderstandIsNeverFiltered() {
        for pattern in [#"(?x) deploy \s+ now"#, #"\Qdeploy\E"#, "(*UTF)deploy", #"(deploy)\1"#, #"\o{144}eploy"#,
                        #"\p{L}deploy"#, "(?(1)deploy|sync)", "deploy{,3}", "(?^)deploy", #"\k<a>deploy"#] {
            #expect(clauses(pattern).isEmpty, "\(pattern)")
        }
        #expect(clauses("deploy now", options: [.utf, .caseInsensitive, PatternOptions(rawValue: PCRE2_EXTENDED)]).isEmpty)
        #expect(clauses("deploy now", options: [.utf, .caseInsensitive, PatternOptions(rawValue: PCRE2_LITERAL)]).isEmpty)
    }

    @Test func hexEscapesAreTheirCharacters() {
        #expect(clauses(#"what\x27s \x{44}eploy\x2"#) == [["what's deploy\u{2}"]])
        #expect(clauses(#"what[\x27\x{2019}]s up"#) == [["s up"], ["what"]])
        #expect(clauses(#"a \x{2192} deploy"#) == [[" deploy"], ["a "]])
    }

    @Test func nonASCIICharactersBreakLiteralsWithoutBeingRequired() {
        #expect(clauses("café au lait") == [[" au lait"], ["caf"]])
    }

    @Test func groupNamesInEverySyntaxAreRead() {
        #expect(clauses("(?<a>scale) (?'b'iris) (?P<c>now)") == [["scale iris now"]])
    }
}
