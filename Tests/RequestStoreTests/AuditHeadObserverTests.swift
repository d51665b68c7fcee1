import Foundation
@testable import RequestStore
import Synchronization
import Testing

/// The audit head's observer is told of every append for the life of the process: telling it
/// must not cost more each time. (A closure kept directly in a `Mutex` was wrapped in one more
/// thunk on every call; on a thread with a small stack, the 20,000th call overflowed it.)
@Suite("Audit head observer")
struct AuditHeadObserverTests {
    @Test func tellingTheObserverManyTimesOnASmallStackReachesEveryCall() async throws {
        let observer = AuditHeadObserver()
        let last = Mutex<(count: Int, seq: Int64, hash: String)>((0, 0, ""))
        observer.set { seq, hash in last.withLock { $0 = ($0.count + 1, seq, hash) } }
        let done = Mutex(false)
        let thread = Thread {
            for seq in 1...20_000 { observer.tell(seq: Int64(seq), hash: "h\(seq)") }
            done.withLock { $0 = true }
        }
        thread.stackSize = 128 * 1024
        thread.start()
        for _ in 0..<600 where !done.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(done.withLock { $0 })
        let seen = last.withLock { $0 }
        #expect(seen.count == 20_000)
        #expect(seen.seq == 20_000)
        #expect(seen.hash == "h20000")
    }
}
