import EclairageDomain

/// A registrant's own page (reached by the link in every message): their place in the queue, and
/// what they may do: accept or decline an offered seat, cancel.
enum RegistrationPage {
    struct Model: Sendable {
        let name: String
        let title: String
        let when: String
        let status: String
        let position: Int?
        let offeredUntil: String?
        let canCancel: Bool
        let canAccept: Bool
        let action: String
        let trainingLink: String

        init(_ query: Query, token: String, now: Int64, services: AppServices, context: AppRequestContext) {
            let (row, session) = (query.registration, query.session)
            let language = context.language
            let waitingAhead = query.all.filter {
                $0.status == RegistrationRow.waiting && $0.position < row.position
            }.count
            let open = session.cancelled == 0 && session.startsAt > now
            name = row.name
            title = query.training.title
            when = DateFormatting.dayAndTime(session.startsAt, language: language)
            status = services.views.text(
                session.cancelled != 0 ? "calendar.status_session_cancelled" : "calendar.status_\(row.status)", context)
            position = row.status == RegistrationRow.waiting ? waitingAhead + 1 : nil
            offeredUntil =
                row.status == RegistrationRow.offered
                ? row.offeredUntil.map { DateFormatting.dayAndTime($0, language: language) } : nil
            canCancel =
                open
                && [RegistrationRow.confirmed, RegistrationRow.waiting, RegistrationRow.offered].contains(row.status)
            canAccept = open && row.status == RegistrationRow.offered && (row.offeredUntil ?? 0) >= now
            action = SiteURL.registration(token: token).path
            trainingLink = SiteURL.training(query.training.id).path
        }
    }
}
