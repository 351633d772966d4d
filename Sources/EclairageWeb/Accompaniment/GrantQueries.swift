import SQLKit

/// The access an association gives a support body: what it shares, the help it asked for, and the
/// requests bodies send to associations.
enum GrantQueries {
    /// One grant, with the body's name.
    struct Grant: Codable, Sendable {
        let associationId: String
        let supportBodyId: String
        let bodyName: String
        let grantedAt: Int64
        let sharesPlan: Int
        let sharesInventory: Int
        let message: String
        let seenAt: Int64?
    }

    private static func grants(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select()
            .columns(
                SQLColumn("association_id", table: "access_grants"),
                SQLColumn("support_body_id", table: "access_grants"),
                SQLColumn("granted_at", table: "access_grants"), SQLColumn("shares_plan", table: "access_grants"),
                SQLColumn("shares_inventory", table: "access_grants"), SQLColumn("message", table: "access_grants"),
                SQLColumn("seen_at", table: "access_grants")
            )
            .column(SQLAlias(SQLColumn("name", table: "support_bodies"), as: SQLIdentifier("body_name")))
            .from("access_grants")
            .join(
                "support_bodies", on: SQLColumn("id", table: "support_bodies"), .equal,
                SQLColumn("support_body_id", table: "access_grants"))
    }

    static func of(association associationID: String, in sql: any SQLDatabase) async throws -> [Grant] {
        try await grants(sql).where(SQLColumn("association_id", table: "access_grants"), .equal, SQLBind(associationID))
            .orderBy(SQLColumn("name", table: "support_bodies")).rows(Grant.self)
    }

    /// The grants through which `userID`, an advisor, reaches the association (one per body of theirs).
    static func reaching(association associationID: String, advisor userID: String, in sql: any SQLDatabase)
        async throws -> [Grant]
    {
        try await grants(sql)
            .join(
                "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
                SQLColumn("support_body_id", table: "access_grants")
            )
            .where(SQLColumn("association_id", table: "access_grants"), .equal, SQLBind(associationID))
            .where(SQLColumn("user_id", table: "advisors"), .equal, SQLBind(userID))
            .orderBy(SQLColumn("name", table: "support_bodies")).rows(Grant.self)
    }

    static func of(body bodyID: String, in sql: any SQLDatabase) async throws -> [Grant] {
        try await grants(sql).where(SQLColumn("support_body_id", table: "access_grants"), .equal, SQLBind(bodyID))
            .rows(Grant.self)
    }

    /// Grants (again) with what is shared: a new grant replaces the old one, so its terms are the latest.
    static func grant(
        association associationID: String, body bodyID: String, by userID: String, sharesPlan: Bool,
        sharesInventory: Bool, message: String, now: Int64, in sql: any SQLDatabase
    ) async throws {
        try await withdraw(association: associationID, body: bodyID, in: sql)
        try await sql.insert(into: "access_grants")
            .columns(
                "association_id", "support_body_id", "granted_by", "granted_at", "shares_plan", "shares_inventory",
                "message"
            )
            .values(
                SQLBind(associationID), SQLBind(bodyID), SQLBind(userID), SQLBind(now), SQLBind(sharesPlan ? 1 : 0),
                SQLBind(sharesInventory ? 1 : 0), SQLBind(message)
            ).run()
    }

    static func withdraw(association associationID: String, body bodyID: String, in sql: any SQLDatabase)
        async throws
    {
        try await sql.delete(from: "access_grants")
            .where("association_id", .equal, SQLBind(associationID)).where("support_body_id", .equal, SQLBind(bodyID))
            .run()
    }

    /// An advisor opened the association's page: the help it asked for is no longer new.
    static func markSeen(association associationID: String, body bodyID: String, now: Int64, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("access_grants").set("seen_at", to: SQLBind(now))
            .where("association_id", .equal, SQLBind(associationID)).where("support_body_id", .equal, SQLBind(bodyID))
            .where("seen_at", .is, SQLLiteral.null).run()
    }

    /// A grant that shares the inventory turns the association's switch on (the other grants keep
    /// their own choice).
    static func openInventory(association associationID: String, in sql: any SQLDatabase) async throws {
        try await sql.update("associations").set("shares_inventory", to: SQLBind(1))
            .where("id", .equal, SQLBind(associationID)).run()
    }
}
