import EclairageDomain

/// Before a session is cancelled: which one, and how many people will be told.
enum SessionCancelPage {
    struct Model: Sendable {
        let title: String
        let when: String
        let told: String
        let cancelled: Bool
        let action: String
        let backLink: String

        init(
            _ session: SessionRow, training: TrainingRow, told count: Int, cancelled: Bool, services: AppServices,
            context: AppRequestContext
        ) {
            title = training.title
            when = DateFormatting.weekdayAndTime(session.startsAt, language: context.language)
            told = services.views.plural("calendar.cancel_told", count: count, context)
            self.cancelled = cancelled
            action = SiteURL.sessionCancel(session.id).path
            backLink = SiteURL.trainingEdit(training.id).path
        }
    }
}
