import Hummingbird

/// Loads an association for the signed-in person, or answers 404 as if it did not exist.
struct AuthorizedAssociation: Sendable {
    let user: User
    let association: Association
    let access: AssociationAccess
    /// Whether the association shares its inventory with the bodies it lets in (its switch).
    let sharesInventory: Bool
    /// For an advisor: the grants through which they reach it (what each shares); empty for members.
    let grants: [GrantQueries.Grant]

    /// An advisor sees the plan when one of their bodies' grants shares it; members always.
    var seesPlan: Bool { access.isMember || grants.contains { $0.sharesPlan != 0 } }
    /// An advisor sees the inventory while the association shares it (its switch) and one of their
    /// bodies' grants does; members always.
    var seesInventory: Bool {
        access.isMember || (sharesInventory && grants.contains { $0.sharesInventory != 0 })
    }

    /// `logging`: what an advisor's read is recorded as; `nil` when the caller records it itself
    /// (the inventory, once it knows the association shares it), so one read writes one row.
    static func load(_ context: AppRequestContext, services: AppServices, logging what: String? = "association")
        async throws -> AuthorizedAssociation
    {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        let found: (AssociationQueries.Reached, [GrantQueries.Grant])? = try await services.database.read { sql in
            guard let reached = try await AssociationQueries.reach(id, by: user.id, in: sql) else { return nil }
            let grants =
                reached.access == .advisor
                ? try await GrantQueries.reaching(association: id, advisor: user.id, in: sql) : []
            return (reached, grants)
        }
        guard let (reached, grants) = found else { throw PageError.notFound }
        let access = reached.access
        let loaded = AuthorizedAssociation(
            user: user, association: reached.association, access: access, sharesInventory: reached.sharesInventory,
            grants: grants)
        if access == .advisor, let what { try await loaded.logAdvisorRead(what, services: services) }
        return loaded
    }

    /// An advisor read the association's data: recorded, for the association to see, with the body
    /// through which they reached it. Opening the association's page also marks its request for help seen.
    func logAdvisorRead(_ what: String, services: AppServices) async throws {
        let now = services.time.now()
        let entry = Self.entry(
            association: association.id, user: user, grants: grants, what: what, at: now, services: services)
        try await services.database.write { sql in
            try await AccessLogQueries.insert(entry, in: sql)
            if what == "association" {
                for grant in grants where grant.seenAt == nil {
                    try await GrantQueries.markSeen(
                        association: association.id, body: grant.supportBodyId, now: now, in: sql)
                }
            }
        }
    }

    /// The same, for a caller that has not loaded the association's grants (a diagnostic, the inventory).
    static func logAdvisorRead(association: String, user: User, what: String, services: AppServices) async throws {
        let grants = try await services.database.read {
            try await GrantQueries.reaching(association: association, advisor: user.id, in: $0)
        }
        let entry = entry(
            association: association, user: user, grants: grants, what: what, at: services.time.now(),
            services: services)
        try await services.database.write { try await AccessLogQueries.insert(entry, in: $0) }
    }

    /// One read: who, when, what, and the body (or bodies) through which the advisor came.
    private static func entry(
        association: String, user: User, grants: [GrantQueries.Grant], what: String, at now: Int64,
        services: AppServices
    ) -> AccessLogQueries.Entry {
        AccessLogQueries.Entry(
            id: services.tokens.identifier(), associationId: association, userId: user.id,
            displayName: user.displayName, what: what, at: now, bodyName: grants.map(\.bodyName).joined(separator: ", ")
        )
    }

    /// Only owners change the association, invite, transfer and grant access.
    func requireOwner() throws {
        guard access.isOwner else { throw PageError.forbidden }
    }
}
