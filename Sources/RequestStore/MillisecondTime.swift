import Approvals
import ChatOpsCore
import Foundation

/// The store keeps times as integer milliseconds since 1970, so that audit hashes are exact
/// and comparisons in SQL are plain integer comparisons.
extension Date {
    var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
