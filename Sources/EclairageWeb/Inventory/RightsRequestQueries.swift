import EclairageDomain
import SQLKit

/// Rows of `rights_requests` (the log of people's requests over their data) and of
/// `rights_request_reminders` (each reminder claimed once per due day and threshold).
enum RightsRequestQueries {
    struct Row: Codable, Sendable {
        let id: String
        let associationId: String
        let kind: String
        let receivedOn: String
        let requester: String
        let details: String
        let identityChecked: Int
        let extensionReasons: String
        let answeredOn: String?
        let outcome: String
        let recordedBy: String
        let createdAt: Int64
        let updatedAt: Int64

        init(_ request: RightsRequest, association: String, recordedBy: String, createdAt: Int64, now: Int64) {
            id = request.id
            associationId = association
            kind = request.kind.rawValue
            receivedOn = request.receivedOn.iso
            requester = request.requester
            details = request.details
            identityChecked = request.identityChecked ? 1 : 0
            extensionReasons = request.extensionReasons
            answeredOn = request.answeredOn?.iso
            outcome = request.outcome
            self.recordedBy = recordedBy
            self.createdAt = createdAt
            updatedAt = now
        }

        var request: RightsRequest {
            RightsRequest(
                id: id, kind: .init(rawValue: kind) ?? .access, receivedOn: Day(iso: receivedOn) ?? Day(number: 0),
                requester: requester, details: details, identityChecked: identityChecked != 0,
                extensionReasons: extensionReasons, answeredOn: answeredOn.flatMap { Day(iso: $0) }, outcome: outcome)
        }
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [Row] {
        try await sql.select().column("*").from("rights_requests")
            .where("association_id", .equal, SQLBind(associationID))
            .orderBy("received_on", .descending).orderBy("id").rows(Row.self)
    }

    static func find(_ id: String, association: String, in sql: any SQLDatabase) async throws -> Row? {
        try await sql.select().column("*").from("rights_requests").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).row(Row.self)
    }

    /// Every request not answered yet, across associations (the reminders' job works out their due days).
    static func unanswered(in sql: any SQLDatabase) async throws -> [Row] {
        try await sql.select().column("*").from("rights_requests").where("answered_on", .is, SQLLiteral.null)
            .orderBy("id").rows(Row.self)
    }

    static func insert(_ row: Row, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "rights_requests").row(row).run()
    }

    /// What is learnt or done later; who recorded it and when stay.
    static func update(_ request: RightsRequest, association: String, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("rights_requests").set("kind", to: SQLBind(request.kind.rawValue))
            .set("received_on", to: SQLBind(request.receivedOn.iso)).set("requester", to: SQLBind(request.requester))
            .set("details", to: SQLBind(request.details))
            .set("identity_checked", to: SQLBind(request.identityChecked ? 1 : 0))
            .set("extension_reasons", to: SQLBind(request.extensionReasons))
            .set("answered_on", to: SQLBind(request.answeredOn?.iso)).set("outcome", to: SQLBind(request.outcome))
            .set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(request.id)).where("association_id", .equal, SQLBind(association)).run()
    }

    /// Claims one reminder (request, due day, threshold); false when it was already sent.
    static func claimReminder(request: String, dueOn: String, threshold: Int, now: Int64, in sql: any SQLDatabase)
        async throws -> Bool
    {
        let query: SQLQueryString = """
            INSERT INTO rights_request_reminders (request_id, due_on, threshold, sent_at) VALUES (\(bind: request), \(bind: dueOn), \(bind: threshold), \(bind: now))
            ON CONFLICT (request_id, due_on, threshold) DO NOTHING RETURNING request_id
            """
        return try await !sql.raw(query).all().isEmpty
    }
}
