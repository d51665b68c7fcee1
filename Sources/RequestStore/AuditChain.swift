import Approvals
import ChatOpsCore
import Crypto
import Foundation

/// An audit row as stored, times in milliseconds: hashes are computed over exactly these values.
struct AuditRow: Sendable {
    let seq: Int64
    let at: Int64
    let actor: String
    let action: String
    let requestID: Int64?
    let detail: String
    let previousHash: String
    let hash: String

    var entry: AuditEntry {
        AuditEntry(seq: seq, at: Date(millisecondsSince1970: at), actor: actor, action: action,
                   requestID: requestID, detail: detail, previousHash: previousHash, hash: hash)
    }
}

/// The last entry pruned from the audit log: the remaining chain must continue from its hash.
struct AuditCheckpoint: Sendable {
    let seq: Int64
    let hash: String
}

/// The hash chain over the audit log: each entry's hash covers the previous entry's hash and its
/// own fields, so editing, removing or reordering any entry but the last breaks the chain.
enum AuditChain {
    /// The previous hash of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Hex SHA-256 over the fields, each prefixed with its UTF-8 length, so no choice of field
    /// contents can make two different entries read the same.
    static func hash(previous: String, seq: Int64, at: Int64, actor: String, action: String,
                     requestID: Int64?, detail: String) -> String {
        let fields = [previous, String(seq), String(at), actor, action, requestID.map(String.init) ?? "", detail]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
        return hex(SHA256.hash(data: Data(canonical.utf8)))
    }

    static func hash(of row: AuditRow) -> String {
        hash(previous: row.previousHash, seq: row.seq, at: row.at, actor: row.actor, action: row.action,
             requestID: row.requestID, detail: row.detail)
    }

    /// The first entry that does not check out, or nil when the chain is whole. `rows` in seq
    /// order; after pruning, the chain starts from the `checkpoint` (the last pruned entry).
    static func firstBreak(in rows: [AuditRow], after checkpoint: AuditCheckpoint? = nil) -> AuditVerification? {
        var previous: AuditRow?
        for row in rows {
            let expected = (previous?.seq ?? checkpoint?.seq ?? 0) + 1
            if row.seq != expected {
                let start = checkpoint.map { "the log starts after the checkpoint at entry \($0.seq), at entry \(row.seq)" }
                    ?? "the log starts at entry \(row.seq)"
                let after = previous.map { "entry \(row.seq) follows entry \($0.seq)" } ?? start
                return .broken(seq: expected, reason: "entry \(expected) is missing (\(after))")
            }
            if row.previousHash != (previous?.hash ?? checkpoint?.hash ?? genesis) {
                let what = previous.map { "entry \($0.seq)" } ?? checkpoint.map { "the checkpoint (entry \($0.seq))" } ?? "the start of the log"
                return .broken(seq: row.seq, reason: "entry \(row.seq) does not follow \(what) (previous hash mismatch)")
            }
            if hash(of: row) != row.hash {
                return .broken(seq: row.seq, reason: "entry \(row.seq) was edited (its hash does not match its contents)")
            }
            previous = row
        }
        return nil
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
