import Foundation

/// Whether a comment is recent enough to act on. GitHub signs the body but not the
/// `X-GitHub-Delivery` header, so anyone holding one signed delivery could send it again under
/// new delivery ids; the signed `comment.created_at` bounds how long such a replay is accepted.
/// Within that window, deduplicating on the comment id stops it.
struct CommentFreshness: Sendable {
    /// `platforms.github.max_comment_age` (5 minutes by default).
    let maximumAge: TimeInterval
    /// Clocks drift; a comment stamped further ahead than this is not trusted either.
    static let allowedSkew: TimeInterval = 60

    /// Why the comment is refused, or nil when it may be acted on.
    func refusal(createdAt: String?, now: Date) -> String? {
        guard let createdAt else { return "the comment has no created_at" }
        guard let created = Self.parse(createdAt) else { return "the comment's created_at \(createdAt) is not a time" }
        let age = now.timeIntervalSince(created)
        if age > maximumAge {
            return "the comment was written at \(createdAt), more than \(Self.words(maximumAge)) ago (a replayed or late delivery)"
        }
        if age < -Self.allowedSkew {
            return "the comment's created_at \(createdAt) is in the future"
        }
        return nil
    }

    /// GitHub writes `2019-05-15T15:20:33Z`; GitHub Enterprise may add fractional seconds or an offset.
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    static func words(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds)
        if whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole % 60 == 0 { return "\(whole / 60)m" }
        return "\(whole)s"
    }
}
