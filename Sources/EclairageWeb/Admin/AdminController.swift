import Hummingbird

/// The instance administrator's page: counts and accounts. It shows no association's data.
enum AdminController {
    struct Content: Sendable {
        let users: [AdminQueries.AccountRow]
        let counts: [Count]
        struct Count: Sendable { let label: String; let value: Int }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        guard user.admin else { throw PageError.forbidden }
        let (users, counts) = try await services.database.read { sql in
            (try await AdminQueries.accounts(limit: 500, in: sql), try await AdminQueries.counts(in: sql))
        }
        let content = Content(users: users, counts: zip(AdminQueries.countedTables, counts).map { .init(label: services.views.text("admin.count.\($0)", context), value: $1) })
        return services.views.render("admin", title: "admin.title", content: content, context: context)
    }
}
