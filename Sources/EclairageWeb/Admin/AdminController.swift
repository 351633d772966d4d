import Hummingbird

/// The instance administrator's page: counts and accounts. It shows no association's data.
enum AdminController {
    struct Content: Sendable {
        let users: [Account]
        let counts: [Count]
        let mail: [Count]
        let unsent: [Unsent]
        let jobs: [Job]
        struct Unsent: Sendable {
            let recipient: String
            let subject: String
            let created: String
            let attempts: Int
            let failed: Bool
            let error: String?
            let retryAction: String
        }
        struct Job: Sendable {
            let name: String
            let lastRun: String?
            let error: String?
        }
        struct Count: Sendable {
            let label: String
            let value: Int
        }
        struct Account: Sendable {
            let email: String
            let displayName: String
            let admin: Bool
            let editor: Bool
            let toggleAction: String
        }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireAdmin()
        let (users, counts, mail, unsent, jobs) = try await services.database.read { sql in
            (
                try await AdminQueries.accounts(limit: 500, in: sql), try await AdminQueries.counts(in: sql),
                try await OutboxQueries.counts(in: sql), try await OutboxQueries.unsent(limit: 50, in: sql),
                try await JobQueries.all(in: sql)
            )
        }
        let views = services.views
        let language = context.language
        let content = Content(
            users: users.map {
                .init(
                    email: $0.email, displayName: $0.displayName, admin: $0.isAdmin != 0, editor: $0.isEditor != 0,
                    toggleAction: SiteURL.adminEditor($0.id).path)
            },
            counts: zip(AdminQueries.countedTables, counts).map {
                .init(label: views.text("admin.count.\($0)", context), value: $1)
            },
            mail: [
                .init(label: views.text("admin.mail.waiting", context), value: mail.waiting),
                .init(label: views.text("admin.mail.sent", context), value: mail.sent),
                .init(label: views.text("admin.mail.failed", context), value: mail.failed),
            ],
            unsent: unsent.map {
                .init(
                    recipient: $0.recipient, subject: $0.subject,
                    created: DateFormatting.day($0.createdAt, language: language),
                    attempts: $0.attempts, failed: $0.failedAt != nil, error: $0.lastError,
                    retryAction: SiteURL.adminMailRetry($0.id).path)
            },
            jobs: jobs.map {
                .init(
                    name: $0.name, lastRun: $0.lastRun.map { DateFormatting.day($0, language: language) },
                    error: $0.lastError)
            }
        )
        return services.views.render("admin", title: "admin.title", content: content, context: context)
    }

    /// Makes an account one of the network's editors (who moderate the directory and the calendar), or not.
    @Sendable static func toggleEditor(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        try await services.database.write { sql in
            guard let editor = try await AdminQueries.isEditor(id, in: sql) else { throw PageError.notFound }
            try await AdminQueries.setEditor(id, !editor, in: sql)
        }
        return redirect(to: .admin, flash: "admin.editor_changed")
    }

    /// A message given up on gets eight more tries, starting now (after the mail setup was fixed).
    @Sendable static func retryMail(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        try await services.database.write { try await OutboxQueries.retry(id, now: now, in: $0) }
        return redirect(to: .admin, flash: "admin.mail_retried")
    }
}
