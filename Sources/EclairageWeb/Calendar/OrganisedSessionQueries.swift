import SQLKit

/// The next sessions an account organises: of the trainings it published, or held at a place it manages.
enum OrganisedSessionQueries {
    struct Upcoming: Codable, Sendable, Equatable {
        let id: String
        let startsAt: Int64
        let title: String
    }

    /// Not cancelled and not yet over, soonest first.
    static func upcoming(of userID: String, from now: Int64, limit: Int, in sql: any SQLDatabase) async throws
        -> [Upcoming]
    {
        try await sql.select()
            .column(SQLColumn("id", table: "training_sessions")).column("starts_at").column("title")
            .from("training_sessions")
            .join(
                "trainings", on: SQLColumn("training_id", table: "training_sessions"), .equal,
                SQLColumn("id", table: "trainings")
            )
            .where("ends_at", .greaterThanOrEqual, SQLBind(now))
            .where(SQLColumn("cancelled", table: "training_sessions"), .equal, SQLBind(0))
            .where { group in
                group.where(SQLColumn("created_by", table: "trainings"), .equal, SQLBind(userID))
                    .orWhere(
                        SQLColumn("place_id", table: "trainings"), .in,
                        SQLSubquery.select {
                            $0.column("place_id").from("place_managers").where("user_id", .equal, SQLBind(userID))
                        })
            }
            .orderBy("starts_at").orderBy(SQLColumn("id", table: "training_sessions"))
            .limit(limit).rows(Upcoming.self)
    }
}
