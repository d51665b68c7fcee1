import Foundation

/// A child process a test lets run until it prints a marker on standard error, then kills dead
/// (SIGKILL: no cleanup, no flush), to check what a crash at that point leaves behind.
public enum KillableProcess {
    public enum Failure: Error, CustomStringConvertible {
        case markerNotSeen(String, stderr: String)
        public var description: String {
            switch self {
            case .markerNotSeen(let marker, let stderr): return "the process never printed '\(marker)'; stderr: \(stderr)"
            }
        }
    }

    /// Runs `executable`, waits (up to `timeout` seconds) for `marker` on standard error,
    /// SIGKILLs it and waits for it to die. Returns its termination reason's signal number.
    @discardableResult
    public static func runUntil(_ marker: String, _ executable: String, _ arguments: [String],
                                environment: [String: String], directory: String, timeout: TimeInterval = 60) throws -> Int32 {
        try run(until: marker, executable, arguments, environment: environment, directory: directory, timeout: timeout).status
    }

    /// `runUntil`, returning what the process had printed on standard error by then.
    public static func standardErrorUntil(_ marker: String, _ executable: String, _ arguments: [String],
                                          environment: [String: String], directory: String, timeout: TimeInterval = 60) throws -> String {
        try run(until: marker, executable, arguments, environment: environment, directory: directory, timeout: timeout).stderr
    }

    static func run(until marker: String, _ executable: String, _ arguments: [String], environment: [String: String],
                    directory: String, timeout: TimeInterval) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let seen = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var text = ""
        let lock = NSLock()
        DispatchQueue.global().async {
            var buffer = Data()
            while true {
                let chunk = err.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                lock.withLock { text = String(decoding: buffer, as: UTF8.self) }
                if lock.withLock({ text.contains(marker) }) { seen.signal(); return }
            }
            seen.signal()
        }
        let found = seen.wait(timeout: .now() + timeout) == .success && lock.withLock { text.contains(marker) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        guard found else { throw Failure.markerNotSeen(marker, stderr: lock.withLock { text }) }
        return (process.terminationStatus, lock.withLock { text })
    }
}
