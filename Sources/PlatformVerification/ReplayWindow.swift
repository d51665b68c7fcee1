import Foundation

/// How far a signed timestamp may be from now: Slack's documented 5 minutes, for every platform.
public struct ReplayWindow: Sendable, Hashable {
    public let seconds: Int

    public init(seconds: Int = 300) {
        self.seconds = seconds
    }

    /// Checks a Unix timestamp header (seconds; 13 digits are taken as milliseconds).
    func check(_ header: String, name: String, now: Date) -> VerificationFailure? {
        guard !header.isEmpty, header.utf8.count <= 13, header.utf8.allSatisfy({ (48...57).contains($0) }),
              var stamp = Int64(header) else {
            return .malformedHeader(name)
        }
        if header.utf8.count == 13 { stamp /= 1000 }
        let off = Int(now.timeIntervalSince1970.rounded()) - Int(stamp)
        return abs(off) > seconds ? .stale(secondsOff: off) : nil
    }
}
