import SQLKit

/// The purges whose tables have no other use for a delete: registrations after their session, the
/// contact of whoever proposed a change, expired edit links, old reminders, the rows of old imports.
enum RetentionQueries {
    static func purgeRegistrations(sessionEndedBefore: Int64, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            DELETE FROM registrations WHERE session_id IN (SELECT id FROM training_sessions WHERE ends_at < \(bind: sessionEndedBefore))
            """
        ).run()
    }

    static func forgetProposers(decidedBefore: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("place_changes").set("contact", to: SQLLiteral.null)
            .where("contact", .isNot, SQLLiteral.null).where(
                "status", .notEqual, SQLBind(DirectoryQueries.ChangeRow.pending)
            )
            .where(
                SQLFunction("COALESCE", args: SQLIdentifier("reviewed_at"), SQLIdentifier("changed_at")), .lessThan,
                SQLBind(decidedBefore)
            ).run()
    }

    static func purgePlaceLinks(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "place_links").where("expires_at", .lessThan, SQLBind(before)).run()
    }

    static func purgePlaceReminders(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "place_reminders").where("sent_at", .lessThan, SQLBind(before)).run()
    }

    static func purgeImportRows(createdBefore: Int64, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            DELETE FROM directory_import_rows WHERE import_id IN
                (SELECT id FROM directory_imports WHERE created_at < \(bind: createdBefore) AND status <> \(bind: DirectoryImportQueries.staged))
            """
        ).run()
        try await sql.raw(
            """
            DELETE FROM directory_import_files WHERE import_id IN
                (SELECT id FROM directory_imports WHERE created_at < \(bind: createdBefore))
            """
        ).run()
    }
}
