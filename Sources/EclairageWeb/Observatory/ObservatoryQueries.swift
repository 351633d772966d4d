import EclairageDomain
import SQLKit

/// What the observatory counts (`observatory_records`).
enum ObservatoryQueries {
    static func insert(_ row: ObservatoryRecordRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "observatory_records").row(row).run()
    }

    /// Many records at once (the benchmarks' volumes), `chunk` per statement.
    static func insert(_ rows: [ObservatoryRecordRow], chunk: Int = 500, in sql: any SQLDatabase) async throws {
        for part in rows.chunked(chunk) { try await sql.insert(into: "observatory_records").rows(part).run() }
    }

    static func exists(diagnostic id: String, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("observatory_records").where("diagnostic_id", .equal, SQLBind(id))
            .first() != nil
    }

    /// A diagnostic attached to an association brings its record along (counted once per association);
    /// the record's year is worked out again.
    static func attach(diagnostic id: String, to associationID: String, in sql: any SQLDatabase) async throws {
        try await sql.update("observatory_records").set("association_id", to: SQLBind(associationID))
            .where("diagnostic_id", .equal, SQLBind(id)).run()
        struct Row: Decodable { let month: String }
        if let row = try await sql.select().column("month").from("observatory_records")
            .where("diagnostic_id", .equal, SQLBind(id)).row(Row.self)
        {
            try await ObservatoryRecords.markPending(month: row.month, in: sql)
        }
    }

    /// Records older than `month` ("YYYY-MM", excluded) go, with the published figures of the years
    /// before it; the year they leave incomplete is worked out again.
    static func purge(before month: String, in sql: any SQLDatabase) async throws {
        let old = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("observatory_records").where("month", .lessThan, SQLBind(month)).row(CountRow.self)
        guard let old, old.n > 0, let year = Int(month.prefix(4)) else { return }
        try await sql.delete(from: "observatory_records").where("month", .lessThan, SQLBind(month)).run()
        try await ObservatoryCubeQueries.purge(before: year, in: sql)
        if !month.hasSuffix("-01") { try await ObservatoryRecords.markPending(month: month, in: sql) }
    }
}
