import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where work after an acknowledgement runs: one thread at the lowest CPU priority (nice 19), so
/// that under a flood of deliveries the CPU goes to verifying and answering them, and the work
/// behind them catches up when the flood stops (it is never dropped: `InFlightWork` keeps it, and
/// a graceful shutdown waits for it). With an idle CPU it runs at full speed. Actor-isolated and
/// I/O code still runs where its actor or client puts it; this thread runs the tasks' own code.
public final class BackgroundExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = BackgroundExecutor(niceness: 19)
    /// How top, ps -L and perf name the thread.
    static let threadName = "chatops-work"

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    init(niceness: Int32) {
        let thread = Thread { [unowned self] in
            #if os(Linux)
            // On Linux the nice value is per thread, and 0 names the calling one: this lowers only it.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            // Named from inside: Foundation's `Thread.name`, set before `start()`, never reached
            // the kernel, and the thread showed in top and perf under the name of whichever
            // thread created it (often one of the shared pool's). Linux keeps 15 bytes at most.
            // Glibc's pthread_setname_np is not imported into Swift; writing the thread's own
            // comm file is the kernel's other way to name it.
            let comm = open("/proc/thread-self/comm", O_WRONLY)
            if comm >= 0 {
                _ = Self.threadName.withCString { write(comm, $0, strlen($0)) }
                close(comm)
            }
            #endif
            self.run()
        }
        thread.name = Self.threadName  // for Foundation's own `Thread.current.name`
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count || head > 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
