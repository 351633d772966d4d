import SQLKit

/// The directory's places and services, their history, and the version every write bumps.
enum DirectoryQueries {
    /// Called in the same transaction as every write to the directory (see `DataVersions`).
    static func bumpVersion(in sql: any SQLDatabase) async throws {
        try await VersionQueries.bump(.directory, in: sql)
    }

    static func published(in sql: any SQLDatabase) async throws -> [PlaceRow] {
        try await sql.select().column("*").from("places").where("status", .equal, SQLBind(PlaceRow.published)).orderBy(
            "name"
        ).rows(PlaceRow.self)
    }

    static func publishedServices(in sql: any SQLDatabase) async throws -> [PlaceServiceRow] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("place_services"))).from(
            "place_services"
        )
        .join("places", on: SQLColumn("id", table: "places"), .equal, SQLColumn("place_id", table: "place_services"))
        .where(SQLColumn("status", table: "places"), .equal, SQLBind(PlaceRow.published))
        .orderBy(SQLColumn("place_id", table: "place_services")).orderBy(SQLColumn("position", table: "place_services"))
        .rows(PlaceServiceRow.self)
    }

    static func find(id: String, in sql: any SQLDatabase) async throws -> PlaceRow? {
        try await sql.select().column("*").from("places").where("id", .equal, SQLBind(id)).row(PlaceRow.self)
    }

    static func services(of placeID: String, in sql: any SQLDatabase) async throws -> [PlaceServiceRow] {
        try await sql.select().column("*").from("place_services").where("place_id", .equal, SQLBind(placeID)).orderBy(
            "position"
        ).rows(PlaceServiceRow.self)
    }

    static func byExternalIDs(_ ids: [String], in sql: any SQLDatabase) async throws -> [PlaceRow] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("*").from("places").where("external_id", .in, SQLBind.group(ids)).rows(
            PlaceRow.self)
    }

    static func insert(_ rows: [PlaceRow], in sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await sql.insert(into: "places").models(
            rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    static func update(_ row: PlaceRow, in sql: any SQLDatabase) async throws {
        try await sql.update("places").set(row: row).where("id", .equal, SQLBind(row.id)).run()
    }

    static func replaceServices(of placeIDs: [String], with rows: [PlaceServiceRow], in sql: any SQLDatabase)
        async throws
    {
        guard !placeIDs.isEmpty else { return }
        try await sql.delete(from: "place_services").where("place_id", .in, SQLBind.group(placeIDs)).run()
        guard !rows.isEmpty else { return }
        try await sql.insert(into: "place_services").models(
            rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    struct ChangeRow: Codable, Sendable {
        let id: String
        let placeId: String
        let changedAt: Int64
        let changedBy: String
        let origin: String
        let beforeJson: String?
        let afterJson: String
        var status: String = ChangeRow.applied
        var contact: String?
        var reviewedBy: String?
        var reviewedAt: Int64?
        var notifiedAt: Int64?
        var reason: String?

        static let applied = "applied", pending = "pending", refused = "refused"
    }

    static func recordChanges(_ rows: [ChangeRow], in sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await sql.insert(into: "place_changes").models(
            rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
        ).run()
    }

    static func pendingChanges(in sql: any SQLDatabase) async throws -> [ChangeRow] {
        try await sql.select().column("*").from("place_changes").where("status", .equal, SQLBind(ChangeRow.pending))
            .orderBy("changed_at").limit(200).rows(ChangeRow.self)
    }

    struct ChangeID: Codable, Sendable { let id: String }

    /// Pending changes no digest has announced yet.
    static func unannouncedChanges(in sql: any SQLDatabase) async throws -> [ChangeID] {
        try await sql.select().column("id").from("place_changes").where("status", .equal, SQLBind(ChangeRow.pending))
            .where("notified_at", .is, SQLLiteral.null).rows(ChangeID.self)
    }

    static func markAnnounced(_ ids: [String], now: Int64, in sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await sql.update("place_changes").set("notified_at", to: SQLBind(now)).where("id", .in, SQLBind.group(ids))
            .run()
    }

    static func pendingCount(in sql: any SQLDatabase) async throws -> Int {
        struct Row: Codable { let count: Int }
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(
            "place_changes"
        )
        .where("status", .equal, SQLBind(ChangeRow.pending)).rows(Row.self).first?.count ?? 0
    }

    /// Pending changes of one listing (closed when an earlier state is restored).
    static func pendingChanges(of placeID: String, in sql: any SQLDatabase) async throws -> [ChangeRow] {
        try await sql.select().column("*").from("place_changes").where("status", .equal, SQLBind(ChangeRow.pending))
            .where("place_id", .equal, SQLBind(placeID)).rows(ChangeRow.self)
    }

    static func change(_ id: String, in sql: any SQLDatabase) async throws -> ChangeRow? {
        try await sql.select().column("*").from("place_changes").where("id", .equal, SQLBind(id)).row(ChangeRow.self)
    }

    /// Closes a pending change (applied or refused); a change already closed is left as it is, and the
    /// answer says whether this one was still pending.
    @discardableResult
    static func review(
        _ id: String, status: String, by userID: String, now: Int64, reason: String? = nil, in sql: any SQLDatabase
    ) async throws -> Bool {
        struct Row: Codable { let id: String }
        return try await sql.update("place_changes").set("status", to: SQLBind(status)).set(
            "reviewed_by", to: SQLBind(userID)
        )
        .set("reviewed_at", to: SQLBind(now)).set("reason", to: SQLBind(reason)).where("id", .equal, SQLBind(id)).where(
            "status", .equal, SQLBind(ChangeRow.pending)
        )
        .returning("id").all(decoding: Row.self).isEmpty == false
    }

    static func places(ids: [String], in sql: any SQLDatabase) async throws -> [PlaceRow] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().column("*").from("places").where("id", .in, SQLBind.group(ids)).rows(
            PlaceRow.self)
    }

    /// Published places with this postcode (where duplicates are looked for).
    static func published(postcode: String, in sql: any SQLDatabase) async throws -> [PlaceRow] {
        try await sql.select().column("*").from("places").where("status", .equal, SQLBind(PlaceRow.published))
            .where("postcode", .equal, SQLBind(postcode)).rows(PlaceRow.self)
    }

    static func setStatus(_ placeID: String, _ status: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("places").set("status", to: SQLBind(status)).set("updated_at", to: SQLBind(now)).where(
            "id", .equal, SQLBind(placeID)
        ).run()
    }

    static func editors(in sql: any SQLDatabase) async throws -> [String] {
        struct Row: Codable { let email: String }
        return try await sql.select().column("email").from("users").where("is_editor", .equal, SQLBind(1)).orWhere(
            "is_admin", .equal, SQLBind(1)
        )
        .rows(Row.self).map(\.email)
    }

    static func insertLink(
        tokenHash: String, placeID: String, email: String, now: Int64, expires: Int64, in sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "place_links").columns("token_hash", "place_id", "email", "created_at", "expires_at")
            .values(SQLBind(tokenHash), SQLBind(placeID), SQLBind(email), SQLBind(now), SQLBind(expires)).run()
    }

    struct LinkRow: Codable, Sendable {
        let placeId: String
        let email: String
        let expiresAt: Int64
    }

    static func link(tokenHash: String, now: Int64, in sql: any SQLDatabase) async throws -> LinkRow? {
        try await sql.select().columns("place_id", "email", "expires_at").from("place_links").where(
            "token_hash", .equal, SQLBind(tokenHash)
        )
        .where("expires_at", .greaterThan, SQLBind(now)).row(LinkRow.self)
    }

    /// Uses up an edit link; the answer says whether it was still there (a link works once).
    static func consumeLink(tokenHash: String, in sql: any SQLDatabase) async throws -> Bool {
        struct Row: Codable { let tokenHash: String }
        return try await sql.delete(from: "place_links").where("token_hash", .equal, SQLBind(tokenHash)).returning(
            "token_hash"
        )
        .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).isEmpty == false
    }

    /// Published places last updated on or before `day` (ISO) with no reminder yet for that date.
    static func staleSoon(updatedBefore day: String, in sql: any SQLDatabase) async throws -> [PlaceRow] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("places"))).from("places")
            .join(
                "place_reminders", method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLColumn("place_id", table: "place_reminders"), .equal, SQLColumn("id", table: "places")),
                    .and,
                    SQLBinaryExpression(
                        SQLColumn("updated_on", table: "place_reminders"), .equal,
                        SQLColumn("updated_on", table: "places")))
            )
            .where(SQLColumn("status", table: "places"), .equal, SQLBind(PlaceRow.published))
            .where(SQLColumn("updated_on", table: "places"), .lessThanOrEqual, SQLBind(day))
            .where(SQLColumn("place_id", table: "place_reminders"), .is, SQLLiteral.null)
            .limit(200).rows(PlaceRow.self)
    }

    static func remember(_ placeID: String, updatedOn: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "place_reminders").columns("place_id", "updated_on", "sent_at")
            .values(SQLBind(placeID), SQLBind(updatedOn), SQLBind(now)).run()
    }

    /// After a merge: the trainings and the support body of `source` belong to `target`.
    static func moveBelongings(from source: String, to target: String, in sql: any SQLDatabase) async throws {
        try await sql.update("trainings").set("place_id", to: SQLBind(target)).where(
            "place_id", .equal, SQLBind(source)
        ).run()
        struct Row: Codable { let supportBodyId: String? }
        let bodies = try await sql.select().column("support_body_id").from("places").where(
            "id", .in, SQLBind.group([source, target])
        ).rows(Row.self)
        if let body = bodies.compactMap(\.supportBodyId).first {
            try await sql.update("places").set("support_body_id", to: SQLLiteral.null).where(
                "id", .equal, SQLBind(source)
            ).run()
            try await sql.update("places").set("support_body_id", to: SQLBind(body)).where(
                "id", .equal, SQLBind(target)
            ).run()
        }
    }

    /// A support body is the place of the directory it names (one place per body).
    static func linkSupportBody(_ bodyID: String, to placeID: String, in sql: any SQLDatabase) async throws {
        try await sql.update("places").set("support_body_id", to: SQLLiteral.null).where(
            "support_body_id", .equal, SQLBind(bodyID)
        ).run()
        try await sql.update("places").set("support_body_id", to: SQLBind(bodyID)).where("id", .equal, SQLBind(placeID))
            .run()
    }

    struct BodyPlace: Codable, Sendable {
        let id: String
        let name: String
        let supportBodyId: String
    }

    static func placesOf(bodies bodyIDs: [String], in sql: any SQLDatabase) async throws -> [BodyPlace] {
        guard !bodyIDs.isEmpty else { return [] }
        return try await sql.select().columns("id", "name", "support_body_id").from("places").where(
            "support_body_id", .in, SQLBind.group(bodyIDs)
        )
        .where("status", .equal, SQLBind(PlaceRow.published)).rows(BodyPlace.self)
    }

    static func changes(of placeID: String, in sql: any SQLDatabase) async throws -> [ChangeRow] {
        try await sql.select().column("*").from("place_changes").where("place_id", .equal, SQLBind(placeID))
            .orderBy("changed_at", .descending).rows(ChangeRow.self)
    }
}
