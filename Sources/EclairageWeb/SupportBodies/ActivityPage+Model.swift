import EclairageDomain

/// A support body's activity report over a month, a quarter or a year: the figures as a table, the
/// same as CSV, printable (the print style hides the period's form).
enum ActivityPage {}

extension ActivityPage {
    struct Model: Sendable {
        let bodyName: String
        let backLink: String
        let action: String
        let periods: [SelectOption]
        let periodLabel: String
        let csvLink: String
        let rows: [Row]

        struct Row: Sendable {
            let label: String
            let value: String
            /// A sub-line (a status, a theme), indented.
            let detail: Bool
        }
    }
}

extension ActivityPage.Model {
    static func make(
        _ query: ActivityPage.Query, period: ReportPeriod, today: Day, context: AppRequestContext, services: AppServices
    ) -> Self {
        let id = query.body.id
        return Self(
            bodyName: query.body.name, backLink: SiteURL.supportBody(id).path,
            action: SiteURL.supportBodyActivity(id).path,
            periods: ReportPeriod.recent(today: today).map {
                SelectOption(value: $0.text, label: label($0, context: context), selected: $0 == period)
            },
            periodLabel: label(period, context: context),
            csvLink: SiteURL.supportBodyActivityCSV(id).path + "?periode=" + period.text,
            rows: rows(query.activity, context: context, services: services))
    }

    static func label(_ period: ReportPeriod, context: AppRequestContext) -> String {
        DateFormatting.period(period.observatoryPeriod, language: context.language)
    }

    static func rows(_ activity: BodyActivity, context: AppRequestContext, services: AppServices) -> [Row] {
        let views = services.views
        func row(_ key: String, _ value: Int, detail: Bool = false) -> Row {
            Row(label: views.text(key, context), value: "\(value)", detail: detail)
        }
        let themes = Dictionary(services.questionnaire.themes.map { ($0.id, $0.title) }) { a, _ in a }
        var rows = [
            row("body_activity.accompanied", activity.accompanied), row("body_activity.new", activity.new),
            row("body_activity.closed", activity.closed),
            row("body_activity.steps_closed", activity.byStatus.map(\.count).reduce(0, +)),
        ]
        rows += activity.byStatus.map { row("plan.status.\($0.status.rawValue)", $0.count, detail: true) }
        rows += activity.byTheme.map { Row(label: themes[$0.theme] ?? $0.theme, value: "\($0.count)", detail: true) }
        rows += [
            Row(
                label: views.text("body_activity.advisor_time", context),
                value: DateFormatting.duration(minutes: activity.advisorMinutes), detail: false),
            Row(
                label: views.text("body_activity.volunteer_time", context),
                value: DateFormatting.duration(minutes: activity.volunteerMinutes), detail: false),
            row("body_activity.sessions_held", activity.sessionsHeld),
            row("body_activity.sessions_cancelled", activity.sessionsCancelled),
            row("body_activity.registered", activity.registered), row("body_activity.attended", activity.attended),
        ]
        return rows
    }
}
