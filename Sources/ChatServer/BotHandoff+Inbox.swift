import Approvals
import ChatOpsCore
import Conversation
import Foundation
import Logging
import ReplyModel

/// How a delivery answered before it is handled fared at its claim.
public enum Acknowledgement: Sendable, Hashable {
    /// Recorded with its work, and handed over: answer the platform that it was received.
    case accepted
    /// Seen before: answer, and do nothing more.
    case repeated
    /// The store did not take it: nothing will happen; answer with an error, so the platform
    /// retries or its user sees it failed.
    case notRecorded
}

extension BotHandoff {
    /// The inbox kind of a message stored whole.
    public static let messageWork = "message"

    /// Claims `message`'s delivery with the message itself as its work, before the platform is
    /// answered, then hands it over: once the platform hears it was received, a crash no longer
    /// loses it (`resumeMessage`). A message without a delivery id is only handed over.
    public func acknowledge(_ message: IncomingMessage, sink: any ReplySink, thread: (any ReplySink)? = nil) async -> Acknowledgement {
        guard message.deliveryID != nil else {
            await handleLater(message, sink: sink, thread: thread)
            return .accepted
        }
        do {
            let claim = try await claimStoring(message)
            if claim == .accepted { await later { await handle(message, sink: sink, thread: thread, claimed: true) } }
            return claim
        } catch {
            _ = logNotRecorded(error, delivery: message.deliveryID)
            return .notRecorded
        }
    }

    /// `handle`, in work already running after its platform was answered that handles several
    /// messages in order (the command lines of one comment): each is stored with its claim first,
    /// so a stop in the middle resumes it (`resumeMessage`). A repeat does nothing; a store that
    /// cannot take it is said in `thread` (with a reference to the log), and it is not handled.
    public func handleStoring(_ message: IncomingMessage, sink: any ReplySink, thread: (any ReplySink)? = nil,
                              metadata: Logger.Metadata = [:]) async {
        guard message.deliveryID != nil else { return await handle(message, sink: sink, thread: thread, metadata: metadata) }
        do {
            if try await claimStoring(message) == .repeated { return }
        } catch {
            let reference = logNotRecorded(error, delivery: message.deliveryID)
            _ = await (thread ?? sink).send(Self.notRecorded(reference: reference), to: message.origin)
            return
        }
        await handle(message, sink: sink, thread: thread, claimed: true, metadata: metadata)
    }

    /// A claim the store did not take: logged in full under a reference, and said at `origin`
    /// once the platform has its answer (only that nothing was done, and the reference).
    public func tellNotRecorded(_ error: any Error, delivery: String, origin: MessageOrigin, sink: any ReplySink) async {
        let reference = logNotRecorded(error, delivery: delivery)
        await later { _ = await sink.send(Self.notRecorded(reference: reference), to: origin) }
    }

    /// Claims `message`'s delivery (it has an id) with the message as its work: `.accepted` or
    /// `.repeated`; throws when the store did not take it.
    private func claimStoring(_ message: IncomingMessage) async throws -> Acknowledgement {
        try await claim(DeliveryKey(platform: message.origin.platform, id: message.deliveryID ?? ""), work: Self.messageWork,
                        Array(try JSONEncoder().encode(message)))
    }

    /// Claims `delivery` with what handling it takes (`body`, read back by the adapter's `resume`
    /// as `kind`), kept until it completes: `.accepted`, or `.repeated` (logged); throws when the
    /// store did not take it.
    public func claim(_ delivery: DeliveryKey, work kind: String, _ body: [UInt8]) async throws -> Acknowledgement {
        let work = InboxWork(kind: kind, body: body)
        if case .repeated = try await bot.claimDelivery(platform: delivery.platform, id: delivery.id, work: work.encoded) {
            logger.info("repeated \(platform) delivery: already handled, not acting again", metadata: ["delivery": "\(delivery.id)"])
            return .repeated
        }
        return .accepted
    }

    /// Logs a claim the store did not take, in full, under a new reference (returned).
    private func logNotRecorded(_ error: any Error, delivery: String?) -> String {
        let reference = FailureReference.make()
        logger.error("could not record a \(platform) delivery; it was not handled",
                     metadata: ["reference": "\(reference)", "error": "\(error)", "delivery": "\(delivery ?? "none")"])
        return reference
    }

    /// What a thread is told when its message could not be recorded.
    static func notRecorded(reference: String) -> Reply {
        .text("chatops could not record this, so it did not act on it (reference \(reference) in its log). Nothing was done; send it again in a moment.",
              severity: .failure)
    }

    /// Handles again a message stored by `acknowledge` that a stop left unhandled; a stale one is
    /// answered in its thread instead, and nothing is done. Unreadable work is logged and
    /// completed (it cannot be handled by any later start either).
    public func resumeMessage(_ delivery: PendingDelivery, stale: Bool, sink: any ReplySink, thread: (any ReplySink)? = nil) async {
        await resumeMessage(delivery, stale: stale) { _ in (sink, thread) }
    }

    /// `resumeMessage`, replying where `replies` says for the stored message (its `sink` and `thread`).
    public func resumeMessage(_ delivery: PendingDelivery, stale: Bool,
                              replies: (IncomingMessage) -> (sink: any ReplySink, thread: (any ReplySink)?)) async {
        guard let work = InboxWork(encoded: delivery.work), work.kind == Self.messageWork,
              let message = try? JSONDecoder().decode(IncomingMessage.self, from: Data(work.body)) else {
            await abandon(delivery, reason: "its stored work could not be read")
            return
        }
        let (sink, thread) = replies(message)
        guard stale else {
            await handle(message, sink: sink, thread: thread, claimed: true)
            return
        }
        await tellStale(delivery, what: "Your message \(Self.quoted(message.text))", origin: message.origin, sink: thread ?? sink)
    }

    /// `text` as a code span for a notice: backticks inside it would end the span early, and a long one is cut.
    public static func quoted(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "`", with: "'")
        return "`" + (plain.count > 200 ? plain.prefix(199) + "…" : plain) + "`"
    }

    /// Says in `origin` that `what` was too old to resume, and completes the delivery.
    public func tellStale(_ delivery: PendingDelivery, what: String, origin: MessageOrigin, sink: any ReplySink) async {
        let notice = InboxRecovery.staleNotice(what, receivedAt: delivery.receivedAt, now: bot.now())
        _ = await sink.send(.text(notice, severity: .failure), to: origin)
        await complete(delivery.key, reply: notice)
    }

    /// Completes a delivery that cannot be handled, with the reason in the log and the store.
    public func abandon(_ delivery: PendingDelivery, reason: String) async {
        logger.error("a \(platform) delivery acknowledged before the last stop is not resumed: \(reason)",
                     metadata: ["delivery": "\(delivery.key.id)"])
        await complete(delivery.key, reply: "not resumed: \(reason)")
    }

    /// Records how a claimed delivery ended without the bot handling it (its stored work is
    /// forgotten); a store that cannot take it is logged.
    public func complete(_ delivery: DeliveryKey, reply: String) async {
        do { try await bot.completeDelivery(platform: delivery.platform, id: delivery.id, reply: reply) } catch {
            logger.error("could not record how a \(platform) delivery ended", metadata: ["error": "\(error)", "delivery": "\(delivery.id)"])
        }
    }
}
