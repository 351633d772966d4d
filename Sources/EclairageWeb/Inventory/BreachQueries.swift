import EclairageDomain
import SQLKit

/// Rows of `breaches`: the internal breach log, kept whatever the outcome.
enum BreachQueries {
    struct BreachRow: Codable, Sendable {
        let id: String
        let associationId: String
        let startedAt: Int64?
        let discoveredAt: Int64
        let foundHow: String
        let kind: String
        let cause: String
        let nature: String
        let people: String
        let records: String
        let consequences: String
        let measures: String
        let contact: String
        let risk: String
        let peopleTold: String
        var delayReasons: String
        let noNotifyReasons: String
        var notifiedOn: String?
        let recordedBy: String
        let createdAt: Int64

        var breach: Breach {
            Breach(
                id: id, startedAt: startedAt, discoveredAt: discoveredAt, foundHow: foundHow,
                kind: .init(rawValue: kind) ?? .other, cause: cause, nature: nature, people: people,
                records: records, consequences: consequences, measures: measures, contact: contact,
                risk: .init(rawValue: risk) ?? .risk, peopleTold: ["yes": true, "no": false][peopleTold],
                delayReasons: delayReasons, noNotifyReasons: noNotifyReasons, notifiedOn: notifiedOn)
        }
    }

    static func all(of associationID: String, in sql: any SQLDatabase) async throws -> [BreachRow] {
        try await sql.select().column("*").from("breaches").where("association_id", .equal, SQLBind(associationID))
            .orderBy("discovered_at", .descending).orderBy("id").rows(BreachRow.self)
    }

    static func find(_ id: String, association: String, in sql: any SQLDatabase) async throws -> BreachRow? {
        try await sql.select().column("*").from("breaches").where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).row(BreachRow.self)
    }

    static func insert(_ row: BreachRow, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "breaches").row(row).run()
    }

    /// What is learnt later (people, consequences, measures…); the log keeps the breach, the moment of
    /// discovery and who recorded it.
    static func update(_ breach: Breach, association: String, in sql: any SQLDatabase) async throws {
        try await sql.update("breaches").set("discovered_at", to: SQLBind(breach.discoveredAt)).set(
            "nature", to: SQLBind(breach.nature)
        )
        .set("started_at", to: SQLBind(breach.startedAt)).set("found_how", to: SQLBind(breach.foundHow))
        .set("kind", to: SQLBind(breach.kind.rawValue)).set("cause", to: SQLBind(breach.cause))
        .set("people_told", to: SQLBind(BreachQueries.told(breach.peopleTold)))
        .set("delay_reasons", to: SQLBind(breach.delayReasons))
        .set("no_notify_reasons", to: SQLBind(breach.noNotifyReasons))
        .set("people", to: SQLBind(breach.people)).set("records", to: SQLBind(breach.records)).set(
            "consequences", to: SQLBind(breach.consequences)
        )
        .set("measures", to: SQLBind(breach.measures)).set("contact", to: SQLBind(breach.contact)).set(
            "risk", to: SQLBind(breach.risk.rawValue)
        )
        .where("id", .equal, SQLBind(breach.id)).where("association_id", .equal, SQLBind(association)).run()
    }

    /// The day the CNIL was notified and, past the 72 hours, the reasons for the delay.
    static func markNotified(
        _ id: String, association: String, on day: String, delayReasons: String, in sql: any SQLDatabase
    ) async throws {
        try await sql.update("breaches").set("notified_on", to: SQLBind(day))
            .set("delay_reasons", to: SQLBind(delayReasons)).where("id", .equal, SQLBind(id))
            .where("association_id", .equal, SQLBind(association)).run()
    }

    /// Whether the people were told, as stored: "yes", "no", or "" while not said.
    static func told(_ told: Bool?) -> String { told.map { $0 ? "yes" : "no" } ?? "" }
}

extension BreachQueries.BreachRow {
    /// A breach as first recorded: not yet notified, by the member who records it.
    init(_ breach: Breach, association: String, recordedBy: String, createdAt: Int64) {
        self.init(
            id: breach.id, associationId: association, startedAt: breach.startedAt,
            discoveredAt: breach.discoveredAt, foundHow: breach.foundHow, kind: breach.kind.rawValue,
            cause: breach.cause, nature: breach.nature, people: breach.people, records: breach.records,
            consequences: breach.consequences, measures: breach.measures, contact: breach.contact,
            risk: breach.risk.rawValue, peopleTold: BreachQueries.told(breach.peopleTold),
            delayReasons: breach.delayReasons, noNotifyReasons: breach.noNotifyReasons, notifiedOn: nil,
            recordedBy: recordedBy, createdAt: createdAt)
    }
}
