import SQLKit

enum SupportBodyQueries {
    static func all(in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column("*").from("support_bodies").orderBy("name").rows(SupportBody.self)
    }

    /// The bodies associations can find and grant access to.
    static func vetted(in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column("*").from("support_bodies")
            .where("vetting", .equal, SQLBind(SupportBody.Vetting.vetted.rawValue)).orderBy("name").rows(
                SupportBody.self)
    }

    /// The vetting queue, oldest first.
    static func waiting(in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column("*").from("support_bodies")
            .where("vetting", .equal, SQLBind(SupportBody.Vetting.pending.rawValue)).orderBy("created_at")
            .rows(SupportBody.self)
    }

    static func setVetting(
        id: String, to vetting: SupportBody.Vetting, note: String, now: Int64, in sql: any SQLDatabase
    ) async throws {
        try await sql.update("support_bodies").set("vetting", to: SQLBind(vetting.rawValue))
            .set("vetting_note", to: SQLBind(note)).set("vetted_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).run()
    }

    /// How many associations granted each body access (bodies that existed before vetting).
    static func grantCounts(of bodyIDs: [String], in sql: any SQLDatabase) async throws -> [String: Int] {
        guard !bodyIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let supportBodyId: String
            let n: Int
        }
        let rows = try await sql.select().column("support_body_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("access_grants")
            .where("support_body_id", .in, SQLBind.group(bodyIDs)).groupBy("support_body_id").rows(Row.self)
        return Dictionary(rows.map { ($0.supportBodyId, $0.n) }) { first, _ in first }
    }

    static func find(id: String, in sql: any SQLDatabase) async throws -> SupportBody? {
        try await sql.select().column("*").from("support_bodies").where("id", .equal, SQLBind(id)).row(SupportBody.self)
    }

    static func insert(_ body: SupportBody, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "support_bodies").row(body).run()
    }

    static func isAdvisor(userID: String, of bodyID: String, in sql: any SQLDatabase) async throws -> Bool {
        try await !sql.select().column("user_id").from("advisors")
            .where("support_body_id", .equal, SQLBind(bodyID)).where("user_id", .equal, SQLBind(userID)).all().isEmpty
    }

    static func advised(by userID: String, in sql: any SQLDatabase) async throws -> [SupportBody] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("support_bodies"))).from(
            "support_bodies"
        )
        .join(
            "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
            SQLColumn("id", table: "support_bodies")
        )
        .where(SQLColumn("user_id", table: "advisors"), .equal, SQLBind(userID))
        .orderBy(SQLColumn("name", table: "support_bodies")).rows(SupportBody.self)
    }
}
