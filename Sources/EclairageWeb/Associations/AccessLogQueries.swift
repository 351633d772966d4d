import SQLKit

/// Reads of an association's data by advisors, kept for the association to see.
enum AccessLogQueries {
    struct Entry: Codable, Sendable {
        let id: String
        let associationId: String
        let userId: String?
        /// The advisor's name at the time, kept if the account goes.
        let displayName: String
        /// What was read: `association` (its page), `diagnostic` (a report, a page, an export), `plan`,
        /// `follow` (the notes), `inventory`…, `dashboard` (listed on a body's dashboard).
        let what: String
        let at: Int64
        /// The support body (or bodies) through which the advisor reached the association, at the time.
        var bodyName: String = ""
    }

    static func insert(_ entry: Entry, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "access_log").row(entry).run()
    }

    static func insert(_ entries: [Entry], in sql: any SQLDatabase) async throws {
        guard !entries.isEmpty else { return }
        try await sql.insert(into: "access_log").models(
            entries, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    static func recent(of associationID: String, limit: Int, in sql: any SQLDatabase) async throws -> [Entry] {
        try await sql.select().column("*").from("access_log").where("association_id", .equal, SQLBind(associationID))
            .orderBy("at", .descending).orderBy("id", .descending).limit(limit).rows(Entry.self)
    }

    /// Kept a year.
    static func purge(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "access_log").where("at", .lessThan, SQLBind(before)).run()
    }
}
