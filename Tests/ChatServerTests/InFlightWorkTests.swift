import ChatServer
import Synchronization
import Testing

/// Work after an answer: bounded, in order, never dropped, and drained on a graceful stop.
@Suite("Work in flight")
struct InFlightWorkTests {
    final class Tally: Sendable {
        let state = Mutex<(running: Int, most: Int, order: [Int])>((0, 0, []))
        func enter(_ n: Int) { state.withLock { $0.running += 1; $0.most = max($0.most, $0.running); $0.order.append(n) } }
        func leave() { state.withLock { $0.running -= 1 } }
    }

    @Test func atMostTheLimitRunsAtOnceAndTheRestWaitInOrderUntilDrained() async throws {
        let work = InFlightWork(limit: 3)
        let tally = Tally()
        for n in 0..<20 {
            work.start {
                tally.enter(n)
                try? await Task.sleep(for: .milliseconds(5))
                tally.leave()
            }
        }
        #expect(work.count > 3)  // some are waiting
        await work.drain()
        let state = tally.state.withLock { $0 }
        #expect(work.count == 0)
        #expect(state.order.count == 20)
        #expect(state.most <= 3)
        #expect(state.most >= 2)
        // Started in the order given (the first three at once, then each as a place frees).
        #expect(Array(state.order.dropFirst(3)) == Array(3..<20))
    }

    /// Handed over from many threads at once: the limit holds, nothing is lost, and every
    /// drain waiting returns once the last piece has ended.
    @Test func concurrentHandOversKeepTheLimitAndEveryDrainReturns() async {
        let work = InFlightWork(limit: 4)
        let tally = Tally()
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<200 {
                group.addTask {
                    work.start {
                        tally.enter(n)
                        await Task.yield()
                        tally.leave()
                    }
                }
            }
            for _ in 0..<5 { group.addTask { await work.drain() } }
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { await work.drain() } }
        }
        let state = tally.state.withLock { $0 }
        #expect(work.count == 0)
        #expect(state.order.count == 200)
        #expect(Set(state.order) == Set(0..<200))
        #expect(state.most <= 4)
    }

    @Test func drainingWithNothingInFlightReturnsAtOnce() async {
        let work = InFlightWork()
        await work.drain()
        #expect(work.count == 0)
    }
}
