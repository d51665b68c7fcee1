import Dispatch
import Foundation

/// Calls `reload` on each SIGHUP (one at a time), until stopped.
final class ReloadOnHangup: @unchecked Sendable {
    // A DispatchSource is thread-safe to cancel; it is only resumed and cancelled here.
    private let source: DispatchSourceSignal

    init(_ reload: @escaping @Sendable () async -> Void) {
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "chatops.sighup"))
        let running = ReloadGate()
        source.setEventHandler {
            guard running.enter() else { return }
            Task {
                await reload()
                running.leave()
            }
        }
        source.resume()
    }

    func stop() { source.cancel() }
}

/// One reload at a time: a SIGHUP during a reload is folded into it.
private final class ReloadGate: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false

    func enter() -> Bool { lock.withLock { busy ? false : { busy = true; return true }() } }
    func leave() { lock.withLock { busy = false } }
}
