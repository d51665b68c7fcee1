@testable import ChatServer
import Foundation
import Testing

/// The thread that runs the work after an acknowledgement is the one a person looking at `top -H`
/// or a perf profile can find: it carries its name, and runs at nice 19.
@Suite("Background executor")
struct BackgroundExecutorTests {
    #if os(Linux)
    @Test func itsThreadIsNamedAndRunsAtTheLowestPriority() async {
        let seen = await Task(executorPreference: BackgroundExecutor.shared) { () -> (name: String, nice: String) in
            let stat = (try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8)) ?? ""
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            // After "(comm)", the 17th field is the nice value (fields 3 onwards; see proc(5)).
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return (name.trimmingCharacters(in: .whitespacesAndNewlines), fields.count > 16 ? String(fields[16]) : "?")
        }.value
        #expect(seen.name == BackgroundExecutor.threadName)
        #expect(seen.nice == "19")
    }
    #endif
}
