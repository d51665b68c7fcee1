import RuleEngine
import Testing

@Suite("Compiled PCRE2 patterns")
struct CompiledPatternTests {
    let matcher = PatternMatcher(maxCaptureCount: 8)

    @Test func namedCapturesInBothSyntaxesBecomeSlots() throws {
        let angle = try CompiledPattern("deploy (?<version>v\\d+\\.\\d+) to (?<env>\\w+)")
        let python = try CompiledPattern("deploy (?P<version>v\\d+\\.\\d+) to (?P<env>\\w+)")
        for pattern in [angle, python] {
            #expect(try matcher.captures(of: pattern, in: "deploy v2.3 to staging") == ["version": "v2.3", "env": "staging"])
        }
    }

    @Test func caseInsensitiveByDefault() throws {
        let pattern = try CompiledPattern("restart (?<app>[a-z]+)")
        #expect(try matcher.captures(of: pattern, in: "RESTART Iris") == ["app": "Iris"])
    }

    @Test func caseSensitiveWhenAsked() throws {
        var options = PatternOptions.rule
        options.remove(.caseInsensitive)
        let pattern = try CompiledPattern("restart", options: options)
        #expect(try matcher.captures(of: pattern, in: "RESTART") == nil)
        #expect(try matcher.captures(of: pattern, in: "restart") == [:])
    }

    @Test func ruleOptionsAnchorBothEnds() throws {
        let pattern = try CompiledPattern("deploy (?<version>v[0-9.]+)")
        #expect(try matcher.captures(of: pattern, in: "deploy v2.3") != nil)
        #expect(try matcher.captures(of: pattern, in: "please deploy v2.3 tomorrow") == nil)
        #expect(try matcher.captures(of: pattern, in: "deploy v2.3 tomorrow") == nil)
        #expect(try matcher.captures(of: pattern, in: "deploy v2.3\n") == nil)
    }

    @Test func duplicateNamesAcrossAlternativesTakeTheBranchThatMatched() throws {
        let pattern = try CompiledPattern("(?:to (?<env>[a-z]+) now|in (?<env>[a-z]+))")
        #expect(pattern.namedGroups.map(\.name) == ["env"])
        #expect(pattern.namedGroups[0].groups.count == 2)
        #expect(try matcher.captures(of: pattern, in: "in prod") == ["env": "prod"])
        #expect(try matcher.captures(of: pattern, in: "to dev now") == ["env": "dev"])
    }

    @Test func optionalGroupsThatDoNotTakePartAreAbsent() throws {
        let pattern = try CompiledPattern("status(?: of (?<app>[a-z]+))?")
        #expect(try matcher.captures(of: pattern, in: "status") == [:])
    }

    @Test func unicodeTextIsMatchedAsUTF8() throws {
        let pattern = try CompiledPattern("say (?<word>\\w+)")
        #expect(try matcher.captures(of: pattern, in: "say héllo") == ["word": "héllo"])
        #expect(try matcher.captures(of: pattern, in: "say 你好") == ["word": "你好"])
    }

    @Test func jitIsUsedWhereAvailable() throws {
        #expect(try CompiledPattern("a+b").isJITCompiled)
    }

    /// The JIT code is made on a pattern's first match: many threads matching a fresh pattern at
    /// once must all get the right answers (the first compiles, the others wait for it).
    @Test func aFreshPatternMatchedFromManyThreadsAtOnce() async throws {
        for round in 0..<20 {
            let pattern = try CompiledPattern("(?<verb>deploy|rollback) (?<app>[a-z]+) v(?<major>\\d+)")
            let answers = await withTaskGroup(of: [String: String]?.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        let matcher = PatternMatcher(maxCaptureCount: 8)
                        let text = index.isMultiple(of: 2) ? "DEPLOY iris v\(round)" : "nothing to see \(index)"
                        return try? matcher.captures(of: pattern, in: text)
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.compactMap { $0 }.count == 8)
            #expect(Set(answers.compactMap { $0 }) == [["verb": "DEPLOY", "app": "iris", "major": "\(round)"]])
            #expect(pattern.isJITCompiled)
        }
    }

    @Test(arguments: [
        ("deploy (", "missing closing parenthesis", 8),
        ("deploy [a-", "missing terminating ] for character class", 10),
        ("(?<1bad>x)", "subpattern name must start with a non-digit", 3),
        ("x{2,1}", "numbers out of order in {} quantifier", 5),
    ])
    func compileErrorsCarryPCRE2MessageAndOffset(pattern: String, message: String, offset: Int) {
        #expect {
            _ = try CompiledPattern(pattern)
        } throws: { error in
            guard let error = error as? PatternError else { return false }
            return error.message == message && error.offset == offset && error.pattern == pattern
        }
    }
}
