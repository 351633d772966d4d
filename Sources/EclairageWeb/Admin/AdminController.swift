import Hummingbird

/// The instance administrator's page (`AdminPage`), and what it changes: editors, mail to retry.
enum AdminController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireAdmin()
        let model = AdminPage.Model(
            try await AdminPage.Query.load(services: services), views: services.views, context: context)
        return services.views.render("admin", title: "admin.title", content: model, context: context)
    }

    /// Makes an account one of the network's editors (who moderate the directory and the calendar), or
    /// not; an account made editor is told by mail what it can now do and where.
    @Sendable static func toggleEditor(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        _ = try context.requireAdmin()
        let id = try context.parameters.require("id")
        let now = services.time.now()
        let (translations, baseURL) = (services.views.translations, services.configuration.baseURL)
        try await services.database.transaction { sql in
            guard let editor = try await AdminQueries.isEditor(id, in: sql) else { throw PageError.notFound }
            try await AdminQueries.setEditor(id, !editor, in: sql)
            guard !editor, let user = try await UserQueries.find(id: id, in: sql) else { return }
            let values = [
                "name": user.displayName, "directory": baseURL + SiteURL.directory.path,
                "calendar": baseURL + SiteURL.calendar.path,
            ]
            try await Outbox.enqueue(
                MailMessage(
                    to: user.email, subject: translations.text("admin.editor_mail_subject", .fr, values),
                    body: translations.text("admin.editor_mail_body", .fr, values)), now: now, in: sql)
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
