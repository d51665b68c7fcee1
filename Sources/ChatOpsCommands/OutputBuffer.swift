import Foundation

/// Buffered standard output for line-per-record commands (`parse --stdin`).
final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let limit = 64 * 1024

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
