import EclairageDomain
import Hummingbird

extension RegistrationController {
    struct ManageContent: Sendable {
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
    }

    struct ActionForm: Decodable { @FormText var action: String }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        let loaded = try await services.database.read {
            sql -> (RegistrationRow, SessionRow, TrainingRow, [RegistrationRow])? in
            guard let row = try await RegistrationQueries.find(token: token, in: sql),
                let session = try await CalendarQueries.session(row.sessionId, in: sql),
                let training = try await CalendarQueries.training(session.trainingId, in: sql)
            else { return nil }
            return (row, session, training, try await RegistrationQueries.all(of: session.id, in: sql))
        }
        guard let (row, session, training, all) = loaded else { throw PageError.notFound }
        let now = services.time.now()
        let language = context.language
        let waitingAhead = all.filter { $0.status == RegistrationRow.waiting && $0.position < row.position }.count
        let open = session.cancelled == 0 && session.startsAt > now
        let content = ManageContent(
            name: row.name, title: training.title,
            when: DateFormatting.dayAndTime(session.startsAt, language: language),
            status: services.views.text(
                session.cancelled != 0 ? "calendar.status_session_cancelled" : "calendar.status_\(row.status)", context),
            position: row.status == RegistrationRow.waiting ? waitingAhead + 1 : nil,
            offeredUntil: row.status == RegistrationRow.offered
                ? row.offeredUntil.map { DateFormatting.dayAndTime($0, language: language) } : nil,
            canCancel: open
                && [RegistrationRow.confirmed, RegistrationRow.waiting, RegistrationRow.offered].contains(row.status),
            canAccept: open && row.status == RegistrationRow.offered && (row.offeredUntil ?? 0) >= now,
            action: SiteURL.registration(token: token).path, trainingLink: SiteURL.training(training.id).path
        )
        return services.views.render(
            "registration", title: "calendar.registration_title", content: content, context: context)
    }

    /// `cancel` (by the person), `accept` or `decline` (an offered seat).
    @Sendable static func act(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        let action = try context.decodeForm(ActionForm.self).action
        guard let row = try await services.database.read({ try await RegistrationQueries.find(token: token, in: $0) })
        else { throw PageError.notFound }
        let now = services.time.now()
        let mail = CalendarMail(services)
        let flash: String = try await services.database.transaction { sql in
            let flash: String
            switch action {
            case "accept":
                flash =
                    try await WaitingList.accept(row, now: now, in: sql) ? "calendar.accepted" : "calendar.offer_lapsed"
                if flash == "calendar.accepted",
                    var confirmed = try await RegistrationQueries.find(token: token, in: sql)
                {
                    confirmed.status = RegistrationRow.confirmed
                    try await CalendarMailing.send(
                        [.confirmed(confirmed)], sessionID: row.sessionId, mail: mail, known: [row.id: token], now: now,
                        in: sql)
                }
            case "decline", "cancel":
                let events =
                    action == "decline"
                    ? try await WaitingList.release(
                        row, from: [RegistrationRow.offered], as: RegistrationRow.declined, now: now, in: sql)
                    : try await WaitingList.release(
                        row, from: [RegistrationRow.confirmed, RegistrationRow.offered, RegistrationRow.waiting],
                        as: RegistrationRow.cancelled, now: now, in: sql)
                try await CalendarMailing.send(events, sessionID: row.sessionId, mail: mail, now: now, in: sql)
                flash = action == "decline" ? "calendar.declined" : "calendar.cancelled"
            default:
                throw PageError(status: .badRequest, messageKey: "error.400.text")
            }
            try await DirectoryQueries.bumpVersion(in: sql)
            return flash
        }
        return redirect(to: .registration(token: token), flash: flash)
    }
}
