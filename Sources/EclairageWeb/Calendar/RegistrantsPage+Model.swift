import EclairageDomain

/// The registrants of a session, for those who organise it: names, e-mail, status and, once the
/// session has begun, attendance.
enum RegistrantsPage {
    struct Model: Sendable {
        let title: String
        let when: String
        let confirmed: [Registrant]
        let waiting: [Registrant]
        let started: Bool
        let action: String
        let trainingLink: String
        let csvLink: String
        let sheetLink: String
        let walkInAction: String
        /// Where the session's workshop room is opened (or found again).
        let roomAction: String

        struct Registrant: Sendable {
            let id: String
            let name: String
            let email: String
            let status: String
            let present: Bool
        }

        init(
            _ session: SessionRow, training: TrainingRow, registrations: [RegistrationRow], now: Int64,
            services: AppServices, context: AppRequestContext
        ) {
            func item(_ row: RegistrationRow) -> Registrant {
                Registrant(
                    id: row.id, name: row.name, email: row.email,
                    status: services.views.text("calendar.status_\(row.status)", context), present: row.attended == 1)
            }
            title = training.title
            when = DateFormatting.weekdayAndTime(session.startsAt, language: context.language)
            confirmed = registrations.filter { $0.status == RegistrationRow.confirmed }.map(item)
            waiting = registrations.filter { [RegistrationRow.waiting, RegistrationRow.offered].contains($0.status) }
                .map(item)
            started = session.startsAt <= now
            action = SiteURL.sessionRegistrants(session.id).path
            trainingLink = SiteURL.training(training.id).path
            csvLink = SiteURL.sessionRegistrantsCSV(session.id).path + "?separateur=point-virgule"
            sheetLink = SiteURL.sessionSignInSheet(session.id).path
            walkInAction = SiteURL.sessionWalkIn(session.id).path
            roomAction = SiteURL.sessionRoom(session.id).path
        }
    }
}
