import EclairageDomain
import Foundation
import SQLKit

/// What the observatory publishes (`observatory_cells`), the years waiting to be worked out again
/// (`observatory_years`) and the territories made public (`observatory_publications`).
enum ObservatoryCubeQueries {
    /// A year has new records: the job works it out again.
    static func markPending(year: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO observatory_years (year, pending) VALUES (\(bind: year), 1)
            ON CONFLICT (year) DO UPDATE SET pending = 1
            """
        ).run()
    }

    static func pendingYears(in sql: any SQLDatabase) async throws -> [Int] {
        struct Row: Decodable { let year: Int }
        return try await sql.select().column("year").from("observatory_years").where("pending", .equal, SQLBind(1))
            .orderBy("year").rows(Row.self).map(\.year)
    }

    /// The job takes a year: records arriving from now on mark it pending again.
    static func take(year: Int, in sql: any SQLDatabase) async throws {
        try await sql.update("observatory_years").set("pending", to: SQLBind(0)).where("year", .equal, SQLBind(year))
            .run()
    }

    /// A year's records in id order, `limit` at a time after the id `after`: the job reads a year in
    /// such batches and decodes them itself, so that neither a whole year is held at once nor the
    /// decoding done where the database's answers arrive.
    static func records(
        ofYear year: Int, after id: String?, limit: Int, in sql: any SQLDatabase
    ) async throws -> [ObservatoryRecordRow] {
        var select = sql.select().column(SQLLiteral.all).from("observatory_records")
            .where("month", .greaterThanOrEqual, SQLBind("\(year)-01"))
            .where("month", .lessThanOrEqual, SQLBind("\(year)-12"))
        if let id { select = select.where("id", .greaterThan, SQLBind(id)) }
        return try await select.orderBy("id").limit(limit).rows(ObservatoryRecordRow.self)
    }

    /// The year's cells replaced by `cells`, `chunk` rows per statement, and the time it was built.
    static func replace(
        year: Int, with cells: [CellRow], builtAt: Int64, chunk: Int = 400, in sql: any SQLDatabase
    ) async throws {
        try await sql.delete(from: "observatory_cells").where("year", .equal, SQLBind(year)).run()
        for part in cells.chunked(chunk) { try await sql.insert(into: "observatory_cells").rows(part).run() }
        try await sql.update("observatory_years").set("built_at", to: SQLBind(builtAt))
            .where("year", .equal, SQLBind(year)).run()
    }

    struct YearRow: Codable, Sendable {
        let year: Int
        let pending: Int
        let builtAt: Int64?
    }

    static func years(in sql: any SQLDatabase) async throws -> [YearRow] {
        try await sql.select().columns("year", "pending", "built_at").from("observatory_years")
            .orderBy("year", .descending).rows(YearRow.self)
    }

    /// The cells of these territories and periods (every table, or only those named).
    static func cells(
        territories: [String], periods: [String], tables: [String]? = nil, in sql: any SQLDatabase
    ) async throws -> [CellRow] {
        guard !territories.isEmpty, !periods.isEmpty else { return [] }  // PostgreSQL refuses `IN ()`
        var select = sql.select().column(SQLLiteral.all).from("observatory_cells")
            .where("territory", .in, SQLBind.group(territories)).where("period", .in, SQLBind.group(periods))
        if let tables { select = select.where("table_name", .in, SQLBind.group(tables)) }
        return try await select.rows(CellRow.self)
    }

    /// Years older than `year` go with their records.
    static func purge(before year: Int, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "observatory_cells").where("year", .lessThan, SQLBind(year)).run()
        try await sql.delete(from: "observatory_years").where("year", .lessThan, SQLBind(year)).run()
    }

    static func published(in sql: any SQLDatabase) async throws -> Set<String> {
        struct Row: Decodable { let territory: String }
        return Set(
            try await sql.select().column("territory").from("observatory_publications").rows(Row.self).map(\.territory))
    }

    static func publish(territory: String, by userID: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO observatory_publications (territory, published_at, published_by)
            VALUES (\(bind: territory), \(bind: now), \(bind: userID)) ON CONFLICT (territory) DO NOTHING
            """
        ).run()
    }

    static func withdraw(territory: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "observatory_publications").where("territory", .equal, SQLBind(territory)).run()
    }
}

/// A row of `observatory_cells`: a `PublishedCell` of a year, its figure written only when shown.
struct CellRow: Codable, Sendable, Equatable {
    var year: Int
    var territory: String
    var period: String
    var tableName: String
    /// "" for a table's total.
    var category: String
    var shownCount: Int?
    var mean: Double?
    var spread: Double?
    var reason: String?

    init(_ cell: PublishedCell, year: Int) {
        self.year = year
        territory = cell.key.territory.slug
        period = cell.key.period.slug
        tableName = cell.table
        category = cell.key.category ?? ""
        reason = cell.reason?.rawValue
        switch cell.value {
        case .count(let count): shownCount = count
        case .mean(let value, let deviation):
            mean = value
            spread = deviation
        case nil: break
        }
    }
}
