import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Inbound deliveries (so a platform's retry is answered, not acted on twice) and the notices
/// the bot owes threads.
extension SQLiteApprovalStore {
    /// A delivery id is kept as long as the store keeps requests (`prune`, `store.retention`):
    /// a replay of an old delivery finds it, however late it comes. Claims made at the same time
    /// are committed together (`DeliveryClaimBatch`); each is committed, with its work, before it
    /// returns.
    public func recordDelivery(platform: String, id: String, at: Date, work: [UInt8]?) async throws -> DeliveryStatus {
        try await deliveryClaims.claim(.init(platform: platform, id: id, at: at, work: work))
    }

    /// Records a batch of claims in one transaction, in order. A new claim costs one insert (its
    /// statements are prepared once per connection, not per claim); only a repeat is read back.
    func recordDeliveries(_ claims: [DeliveryClaimBatch.Claim]) async throws -> [DeliveryStatus] {
        try await write("record \(claims.count) deliveries", priority: .urgent) { tx in
            let insert = try tx.db.cachedStatement(sql: """
                INSERT INTO deliveries (platform, delivery_id, received_at, work) VALUES (?, ?, ?, ?)
                ON CONFLICT (platform, delivery_id) DO NOTHING
                """)
            let seen = try tx.db.cachedStatement(sql: "SELECT reply FROM deliveries WHERE platform = ? AND delivery_id = ?")
            var claimedNow = Set<[String]>()
            return try claims.map { claim in
                if claimedNow.contains([claim.platform, claim.id]) { return .repeated(reply: nil) }
                try insert.execute(arguments: [claim.platform, claim.id, claim.at.millisecondsSince1970, claim.work.map { Data($0) }])
                if tx.db.changesCount == 1 {
                    claimedNow.insert([claim.platform, claim.id])
                    return .new
                }
                let row = try Row.fetchOne(seen, arguments: [claim.platform, claim.id])
                return .repeated(reply: try row?.decode(String?.self, forColumn: "reply") ?? nil)
            }
        }
    }

    public func completeDelivery(platform: String, id: String, reply: String) async throws {
        try await write("record the reply to delivery \(id) from \(platform)") { tx in
            try tx.db.execute(sql: "UPDATE deliveries SET reply = ?, work = NULL WHERE platform = ? AND delivery_id = ?",
                              arguments: [reply, platform, id])
        }
    }

    public func pendingDeliveries(receivedBefore before: Date) async throws -> [PendingDelivery] {
        try await read("list deliveries acknowledged and not handled") { tx in
            try Row.fetchAll(tx.db, sql: """
                SELECT platform, delivery_id, received_at, work FROM deliveries
                WHERE work IS NOT NULL AND received_at < ? ORDER BY received_at, rowid
                """, arguments: [before.millisecondsSince1970]).map { row in
                PendingDelivery(key: DeliveryKey(platform: try row.decode(forColumn: "platform"), id: try row.decode(forColumn: "delivery_id")),
                                receivedAt: Date(millisecondsSince1970: try row.decode(forColumn: "received_at")),
                                work: Array(try row.decode(Data.self, forColumn: "work")))
            }
        }
    }

    public func pendingNotices(platform: String) async throws -> [Notice] {
        try await read("list pending notices") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM notices WHERE platform = ? AND delivered_at IS NULL ORDER BY id",
                             arguments: [platform]).map { row in
                guard let origin = try MessageOrigin(row: row, prefix: "") else {
                    throw CorruptStore(what: "a notice without a platform")
                }
                return Notice(id: try row.decode(forColumn: "id"), origin: origin, text: try row.decode(forColumn: "text"),
                              requestID: try row.decode(forColumn: "request_id"),
                              createdAt: Date(millisecondsSince1970: try row.decode(forColumn: "created_at")))
            }
        }
    }

    public func markNoticesDelivered(_ ids: [Int64]) async throws {
        let now = Date().millisecondsSince1970
        try await write("mark notices delivered") { tx in
            for id in ids {
                try tx.db.execute(sql: "UPDATE notices SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                                  arguments: [now, id])
            }
        }
    }
}
