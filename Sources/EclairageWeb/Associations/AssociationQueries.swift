import SQLKit

/// Every read of association data goes through `access(…)` first: there is no query by id alone.
enum AssociationQueries {
    struct MembershipRow: Codable, Sendable {
        let associationId: String
        let userId: String
        let role: String
        let joinedAt: Int64
    }

    struct ListedAssociation: Codable, Sendable {
        let id: String
        let name: String
        let departement: String?
        let role: String
    }

    struct MemberRow: Codable, Sendable {
        let userId: String
        let displayName: String
        let email: String
        let role: String
    }

    /// An association as one person reaches it: the row, what they may do there, and whether it shares
    /// its inventory with the bodies it lets in.
    struct Reached: Sendable {
        let association: Association
        let access: AssociationAccess
        let sharesInventory: Bool
    }

    /// The association, if `userID` may know it exists: a member, or an advisor of a body it lets in.
    /// One statement (a signed-in page runs this before anything else).
    static func reach(_ associationID: String, by userID: String, in sql: any SQLDatabase) async throws -> Reached? {
        let advises = SQLSubquery.select {
            $0.column(SQLLiteral.numeric("1")).from("access_grants")
                .join(
                    "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
                    SQLColumn("support_body_id", table: "access_grants")
                )
                .where(
                    SQLColumn("association_id", table: "access_grants"), .equal, SQLColumn("id", table: "associations")
                )
                .where(SQLColumn("user_id", table: "advisors"), .equal, SQLBind(userID))
        }
        let membership = SQLBinaryExpression(
            SQLBinaryExpression(
                SQLColumn("association_id", table: "memberships"), .equal, SQLColumn("id", table: "associations")),
            .and, SQLBinaryExpression(SQLColumn("user_id", table: "memberships"), .equal, SQLBind(userID)))
        guard
            let row = try await sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("associations")))
                .column(SQLColumn("role", table: "memberships"), as: "member_role")
                .column(SQLList([SQLRaw("EXISTS"), advises], separator: SQLRaw(" ")), as: "advises")
                .from("associations").join("memberships", method: SQLJoinMethod.left, on: membership)
                .where(SQLColumn("id", table: "associations"), .equal, SQLBind(associationID)).first()
        else { return nil }
        let access: AssociationAccess
        if let role = try row.decode(column: "member_role", as: String?.self).flatMap(AssociationRole.init(rawValue:)) {
            access = .member(role)
        } else if try row.decode(column: "advises", as: Bool.self) {
            access = .advisor
        } else {
            return nil
        }
        return Reached(
            association: try row.decode(model: Association.self, keyDecodingStrategy: .convertFromSnakeCase),
            access: access, sharesInventory: try row.decode(column: "shares_inventory", as: Int.self) != 0)
    }

    /// What `userID` may do with `associationID`; nil means nothing, not even knowing it exists.
    static func access(associationID: String, userID: String, in sql: any SQLDatabase) async throws
        -> AssociationAccess?
    {
        try await reach(associationID, by: userID, in: sql)?.access
    }

    /// Call only after `access(…)` said yes.
    static func find(id: String, in sql: any SQLDatabase) async throws -> Association? {
        try await sql.select().column("*").from("associations").where("id", .equal, SQLBind(id)).row(Association.self)
    }

    static func memberships(of userID: String, in sql: any SQLDatabase) async throws -> [ListedAssociation] {
        try await sql.select()
            .column(SQLColumn("id", table: "associations")).column(SQLColumn("name", table: "associations"))
            .column(SQLColumn("departement", table: "associations")).column(SQLColumn("role", table: "memberships"))
            .from("associations")
            .join(
                "memberships", on: SQLColumn("association_id", table: "memberships"), .equal,
                SQLColumn("id", table: "associations")
            )
            .where(SQLColumn("user_id", table: "memberships"), .equal, SQLBind(userID))
            .orderBy(SQLColumn("name", table: "associations"))
            .rows(ListedAssociation.self)
    }

    /// Associations that granted access to a support body `userID` advises.
    static func followed(by userID: String, in sql: any SQLDatabase) async throws -> [ListedAssociation] {
        try await sql.select().distinct()
            .column(SQLColumn("id", table: "associations")).column(SQLColumn("name", table: "associations"))
            .column(SQLColumn("departement", table: "associations")).column(
                SQLAlias(SQLLiteral.string("advisor"), as: SQLIdentifier("role"))
            )
            .from("associations")
            .join(
                "access_grants", on: SQLColumn("association_id", table: "access_grants"), .equal,
                SQLColumn("id", table: "associations")
            )
            .join(
                "advisors", on: SQLColumn("support_body_id", table: "advisors"), .equal,
                SQLColumn("support_body_id", table: "access_grants")
            )
            .where(SQLColumn("user_id", table: "advisors"), .equal, SQLBind(userID))
            .orderBy(SQLColumn("name", table: "associations"))
            .rows(ListedAssociation.self)
    }

    static func members(of associationID: String, in sql: any SQLDatabase) async throws -> [MemberRow] {
        try await sql.select()
            .column(SQLColumn("user_id", table: "memberships")).column(SQLColumn("display_name", table: "users"))
            .column(SQLColumn("email", table: "users")).column(SQLColumn("role", table: "memberships"))
            .from("memberships")
            .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "memberships"))
            .where(SQLColumn("association_id", table: "memberships"), .equal, SQLBind(associationID))
            .orderBy(
                SQLOrderBy(expression: SQLColumn("role", table: "memberships"), direction: SQLDirection.descending)
            ).orderBy(SQLColumn("display_name", table: "users"))
            .rows(MemberRow.self)
    }

    static func create(_ association: Association, owner: String, in sql: any SQLDatabase) async throws {
        try await sql.insert(into: "associations").row(association).run()
        try await addMember(association.id, userID: owner, role: .owner, now: association.createdAt, in: sql)
    }

    /// Deletes the association; its memberships, grants, diagnostics and steps go with it (cascade).
    static func delete(_ id: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "associations").where("id", .equal, SQLBind(id)).run()
    }

    static func update(_ association: Association, in sql: any SQLDatabase) async throws {
        try await sql.update("associations")
            .set(model: association, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .where("id", .equal, SQLBind(association.id)).run()
    }

    static func addMember(
        _ associationID: String, userID: String, role: AssociationRole, now: Int64, in sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "memberships")
            .row(MembershipRow(associationId: associationID, userId: userID, role: role.rawValue, joinedAt: now)).run()
    }

    static func setRole(_ associationID: String, userID: String, role: AssociationRole, in sql: any SQLDatabase)
        async throws
    {
        try await sql.update("memberships").set("role", to: SQLBind(role.rawValue))
            .where("association_id", .equal, SQLBind(associationID)).where("user_id", .equal, SQLBind(userID)).run()
    }

    static func removeMember(_ associationID: String, userID: String, in sql: any SQLDatabase) async throws {
        try await sql.delete(from: "memberships")
            .where("association_id", .equal, SQLBind(associationID)).where("user_id", .equal, SQLBind(userID)).run()
    }
}

extension AssociationQueries {
    struct Owner: Decodable, Sendable {
        let associationId: String
        let email: String
        let locale: String
    }

    /// The owners of these associations, by association (one query): who hears of reminders.
    static func owners(of associationIDs: [String], in sql: any SQLDatabase) async throws -> [String: [Owner]] {
        guard !associationIDs.isEmpty else { return [:] }
        let rows = try await sql.select().column(SQLColumn("association_id", table: "memberships"))
            .column(SQLColumn("email", table: "users")).column(SQLColumn("locale", table: "users"))
            .from("memberships")
            .join("users", on: SQLColumn("user_id", table: "memberships"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("association_id", table: "memberships"), .in, SQLBind.group(associationIDs))
            .where(SQLColumn("role", table: "memberships"), .equal, SQLBind(AssociationRole.owner.rawValue))
            .rows(Owner.self)
        return Dictionary(grouping: rows, by: \.associationId)
    }
}
