import EclairageDomain
import SQLKit

/// What the deadlines are derived from, read in a few queries for one association or for all, and the
/// reminders' claims.
enum DeadlineQueries {
    struct HandoverRow: Codable, Sendable {
        let id: String
        let associationId: String
        let startedAt: Int64
        /// 1 when the checklist's declaration of the new officers is ticked.
        let declared: Int
    }

    struct RenewalRow: Codable, Sendable {
        let id: String
        let associationId: String
        let name: String
        let expiresOn: String
    }

    /// Assets that lapse, of these associations (all when nil).
    static func renewals(of associationIDs: [String]?, in sql: any SQLDatabase) async throws -> [RenewalRow] {
        var query = sql.select().column("id").column("association_id").column("name").column("expires_on")
            .from("assets").where("expires_on", .isNot, SQLLiteral.null)
        if let associationIDs { query = query.where("association_id", .in, SQLBind.group(associationIDs)) }
        return try await query.orderBy("expires_on").rows(RenewalRow.self)
    }

    struct ActivityRow: Codable, Sendable {
        let associationId: String
        let name: String
        let purpose: String
        let updatedAt: Int64
    }

    /// Handovers of these associations (all when nil), each with whether its declaration is ticked.
    static func handovers(of associationIDs: [String]?, in sql: any SQLDatabase) async throws -> [HandoverRow] {
        var query = sql.select().column(SQLColumn("id", table: "handovers"))
            .column(SQLColumn("association_id", table: "handovers")).column(SQLColumn("started_at", table: "handovers"))
            .column(
                SQLRaw(
                    "CASE WHEN EXISTS (SELECT 1 FROM handover_items i WHERE i.handover_id = handovers.id AND i.action = 'declare' AND i.ticked_at IS NOT NULL) THEN 1 ELSE 0 END"
                ), as: "declared"
            ).from("handovers")
        if let associationIDs { query = query.where("association_id", .in, SQLBind.group(associationIDs)) }
        return try await query.orderBy("started_at").rows(HandoverRow.self)
    }

    /// Register activities' names, purposes (to see which speak of tax receipts) and last change, of these
    /// associations, or of all when nil.
    static func activities(of associationIDs: [String]?, in sql: any SQLDatabase) async throws -> [ActivityRow] {
        var query = sql.select().column("association_id").column("name").column("purpose").column("updated_at")
            .from("processing_activities")
        if let associationIDs { query = query.where("association_id", .in, SQLBind.group(associationIDs)) }
        return try await query.rows(ActivityRow.self)
    }

    /// Records a reminder; false when it was already sent.
    static func claim(_ association: String, reference: String, threshold: Int, now: Int64, in sql: any SQLDatabase)
        async throws -> Bool
    {
        let query: SQLQueryString = """
            INSERT INTO deadline_reminders (association_id, reference, threshold, sent_at) VALUES (\(bind: association), \(bind: reference), \(bind: threshold), \(bind: now))
            ON CONFLICT (association_id, reference, threshold) DO NOTHING RETURNING reference
            """
        return try await !sql.raw(query).all().isEmpty
    }
}
