/// The parts of an `issue_comment` webhook the bot reads (issue and pull-request comments alike).
struct IssueCommentEvent: Decodable, Sendable {
    struct Issue: Decodable, Sendable {
        let number: Int
    }

    struct User: Decodable, Sendable {
        /// Who the person is: a login can be renamed and registered again by someone else, the id cannot.
        let id: Int64
        let login: String
        let type: String?
    }

    struct Comment: Decodable, Sendable {
        let id: Int64
        let body: String?
        let user: User
        let author_association: String?
        /// ISO 8601, inside the signed body (unlike `X-GitHub-Delivery`): how old a replayed comment is.
        let created_at: String?
    }

    struct Repository: Decodable, Sendable {
        let full_name: String
    }

    struct Installation: Decodable, Sendable {
        let id: Int64
    }

    let action: String
    let issue: Issue
    let comment: Comment
    let repository: Repository
    let installation: Installation?
}
