/// The instance administrator's page: counts, mail waiting or given up on, scheduled jobs, accounts.
/// It shows no association's data. Its reads are in `AdminPage+Query.swift`.
enum AdminPage {
    struct Model: Sendable {
        let users: [Account]
        let counts: [Count]
        let mail: [Count]
        let unsent: [Unsent]
        let jobs: [Job]
        /// The network's field surveys.
        let surveysLink = SiteURL.surveys.path

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
}

extension AdminPage.Model {
    init(_ query: AdminPage.Query, views: Views, context: AppRequestContext) {
        let language = context.language
        users = query.accounts.map {
            .init(
                email: $0.email, displayName: $0.displayName, admin: $0.isAdmin != 0, editor: $0.isEditor != 0,
                toggleAction: SiteURL.adminEditor($0.id).path)
        }
        counts = zip(AdminQueries.countedTables, query.counts).map {
            .init(label: views.text("admin.count.\($0)", context), value: $1)
        }
        mail = [
            .init(label: views.text("admin.mail.waiting", context), value: query.mail.waiting),
            .init(label: views.text("admin.mail.sent", context), value: query.mail.sent),
            .init(label: views.text("admin.mail.failed", context), value: query.mail.failed),
        ]
        unsent = query.unsent.map {
            .init(
                recipient: $0.recipient, subject: $0.subject,
                created: DateFormatting.day($0.createdAt, language: language),
                attempts: $0.attempts, failed: $0.failedAt != nil, error: $0.lastError,
                retryAction: SiteURL.adminMailRetry($0.id).path)
        }
        jobs = query.jobs.map {
            .init(
                name: $0.name, lastRun: $0.lastRun.map { DateFormatting.day($0, language: language) },
                error: $0.lastError)
        }
    }
}
