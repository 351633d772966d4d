import EclairageDomain
import SQLKit

/// The badges' tables: issuers, classes, awards, trainings assigned to a body, earners' links.
enum BadgeQueries {
    static func issuer(_ bodyID: String, in sql: any SQLDatabase) async throws -> BadgeIssuerRow? {
        try await sql.select().column("*").from("badge_issuers").where("support_body_id", .equal, SQLBind(bodyID))
            .row(BadgeIssuerRow.self)
    }

    /// The body's profile, made or replaced (one per body).
    static func saveIssuer(_ row: BadgeIssuerRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "badge_issuers").row(row).onConflict(with: ["support_body_id"]) {
            $0.set(excludedValueOf: "name").set(excludedValueOf: "url").set(excludedValueOf: "email")
                .set(excludedValueOf: "image").set(excludedValueOf: "image_kind").set(excludedValueOf: "updated_at")
        }.run()
    }

    /// Keeps the stored picture: the profile's words changed, no new file sent.
    static func updateIssuerText(
        _ bodyID: String, name: String, url: String, email: String, now: Int64, in sql: any SQLDatabase
    ) async throws {
        try await sql.update("badge_issuers").set("name", to: SQLBind(name)).set("url", to: SQLBind(url))
            .set("email", to: SQLBind(email)).set("updated_at", to: SQLBind(now))
            .where("support_body_id", .equal, SQLBind(bodyID)).run()
    }

    static func insertClass(_ row: BadgeClassRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "badge_classes").row(row).run()
    }

    static func badgeClass(_ id: String, in sql: any SQLDatabase) async throws -> BadgeClassRow? {
        try await sql.select().column("*").from("badge_classes").where("id", .equal, SQLBind(id))
            .row(BadgeClassRow.self)
    }

    static func classes(of bodyID: String, in sql: any SQLDatabase) async throws -> [BadgeClassRow] {
        try await sql.select().column("*").from("badge_classes").where("support_body_id", .equal, SQLBind(bodyID))
            .orderBy("created_at").orderBy("id").rows(BadgeClassRow.self)
    }

    /// Many awards in one statement per 200 rows (a training's attendees in one action).
    static func insertAwards(_ rows: [BadgeAwardRow], in sql: any SQLDatabase) async throws {
        for batch in stride(from: 0, to: rows.count, by: 200) {
            try await sql.insert(into: "badge_awards").rows(Array(rows[batch..<min(batch + 200, rows.count)])).run()
        }
    }

    static func award(_ id: String, in sql: any SQLDatabase) async throws -> BadgeAwardRow? {
        try await sql.select().column("*").from("badge_awards").where("id", .equal, SQLBind(id))
            .row(BadgeAwardRow.self)
    }

    /// Every award of the body's classes, the latest first.
    static func awards(of bodyID: String, in sql: any SQLDatabase) async throws -> [BadgeAwardRow] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("badge_awards")))
            .from("badge_awards")
            .join(
                "badge_classes", on: SQLColumn("badge_class_id", table: "badge_awards"), .equal,
                SQLColumn("id", table: "badge_classes")
            )
            .where(SQLColumn("support_body_id", table: "badge_classes"), .equal, SQLBind(bodyID))
            .orderBy(
                SQLOrderBy(
                    expression: SQLColumn("issued_at", table: "badge_awards"), direction: SQLDirection.descending)
            )
            .orderBy(SQLColumn("id", table: "badge_awards")).rows(BadgeAwardRow.self)
    }

    /// Every award made to an address, whatever its state (the earner's page).
    static func awards(to email: String, in sql: any SQLDatabase) async throws -> [BadgeAwardRow] {
        try await sql.select().column("*").from("badge_awards").where("email", .equal, SQLBind(email))
            .orderBy("issued_at", .descending).orderBy("id").rows(BadgeAwardRow.self)
    }

    static func revoke(_ id: String, reason: String, now: Int64, in sql: any SQLDatabase) async throws {
        try await sql.update("badge_awards").set("revoked_at", to: SQLBind(now))
            .set("revocation_reason", to: SQLBind(reason)).where("id", .equal, SQLBind(id))
            .where("revoked_at", .is, SQLLiteral.null).run()
    }

    /// An earner's deletion: only an award made to their address.
    static func deleteAward(_ id: String, email: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "badge_awards").where("id", .equal, SQLBind(id))
            .where("email", .equal, SQLBind(email)).run()
    }

    /// Revoked awards whose revocation is older than `before`: their address then answers 404.
    static func purgeRevoked(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "badge_awards").where("revoked_at", .lessThan, SQLBind(before)).run()
    }

    // MARK: Trainings

    /// The trainings whose awards the body makes: those of the places it runs and those an editor
    /// assigned to it.
    static func trainings(of bodyID: String, in sql: any SQLDatabase) async throws -> [TrainingRow] {
        try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("trainings"))).from("trainings")
            .join(
                "places", method: SQLJoinMethod.left, on: SQLColumn("place_id", table: "trainings"), .equal,
                SQLColumn("id", table: "places")
            )
            .join(
                "badge_trainings", method: SQLJoinMethod.left, on: SQLColumn("id", table: "trainings"), .equal,
                SQLColumn("training_id", table: "badge_trainings")
            )
            .where(SQLColumn("support_body_id", table: "places"), .equal, SQLBind(bodyID))
            .orWhere(SQLColumn("support_body_id", table: "badge_trainings"), .equal, SQLBind(bodyID))
            .orderBy(SQLColumn("title", table: "trainings")).orderBy(SQLColumn("id", table: "trainings"))
            .rows(TrainingRow.self)
    }

    /// The body a training's awards were assigned to, if any.
    static func assignedBody(of trainingID: String, in sql: any SQLDatabase) async throws -> String? {
        struct Row: Codable { let supportBodyId: String }
        return try await sql.select().column("support_body_id").from("badge_trainings")
            .where("training_id", .equal, SQLBind(trainingID)).first(
                decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?
            .supportBodyId
    }

    /// An editor assigns a training to a body (or to another one).
    static func assign(training: String, to bodyID: String, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "badge_trainings").columns("training_id", "support_body_id")
            .values(SQLBind(training), SQLBind(bodyID)).onConflict(with: ["training_id"]) {
                $0.set(excludedValueOf: "support_body_id")
            }.run()
    }

    /// The addresses of the people marked present at any session of the training, once each.
    static func attendees(of trainingID: String, in sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let email: String }
        return try await sql.select().distinct().column(SQLColumn("email", table: "registrations"))
            .from("registrations")
            .join(
                "training_sessions", on: SQLColumn("session_id", table: "registrations"), .equal,
                SQLColumn("id", table: "training_sessions")
            )
            .where(SQLColumn("training_id", table: "training_sessions"), .equal, SQLBind(trainingID))
            .where(SQLColumn("attended", table: "registrations"), .equal, SQLBind(1))
            .rows(Row.self).map(\.email)
    }

    // MARK: Earners' links

    static func insertLink(_ row: BadgeEarnerLinkRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "badge_earner_links").row(row).run()
    }

    static func link(hash: String, now: Int64, in sql: any SQLDatabase) async throws -> BadgeEarnerLinkRow? {
        try await sql.select().column("*").from("badge_earner_links").where("token_hash", .equal, SQLBind(hash))
            .where("expires_at", .greaterThan, SQLBind(now)).row(BadgeEarnerLinkRow.self)
    }

    static func purgeLinks(before: Int64, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "badge_earner_links").where("expires_at", .lessThan, SQLBind(before)).run()
    }
}
