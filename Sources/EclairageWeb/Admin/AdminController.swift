import Hummingbird
import SQLKit

/// The instance administrator's page: counts and accounts. It shows no association's data.
enum AdminController {
    struct Content: Sendable {
        let users: [Row]
        let counts: [Count]
        struct Row: Sendable, Codable { let email: String; let displayName: String; let isAdmin: Int }
        struct Count: Sendable { let label: String; let value: Int }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let user = try context.requireUser()
        guard user.admin else { throw PageError.forbidden }
        let tables = ["users", "associations", "support_bodies"]
        let (users, counts) = try await services.database.read { sql in
            let users = try await sql.select().columns("email", "display_name", "is_admin").from("users").orderBy("email").limit(500).rows(Content.Row.self)
            var counts: [Int] = []
            for table in tables {
                counts.append(try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).row(CountRow.self)?.n ?? 0)
            }
            return (users, counts)
        }
        let content = Content(users: users, counts: zip(tables, counts).map { .init(label: services.views.text("admin.count.\($0)", context), value: $1) })
        return services.views.render("admin", title: "admin.title", content: content, context: context)
    }
}
