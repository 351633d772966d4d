import EclairageDomain
import Hummingbird

extension RegistrationController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        let query = try await RegistrationPage.Query.load(token: token, services: services)
        return services.views.render(
            "registration", title: "calendar.registration_title",
            content: RegistrationPage.Model(
                query, token: token, now: services.time.now(), services: services, context: context),
            context: context)
    }

    /// `cancel` (by the person), `accept` or `decline` (an offered seat).
    @Sendable static func act(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let token = try context.parameters.require("token")
        let action = try context.decodeForm(RegistrationActionBody.self).action
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
                if action == "cancel", TrainingChanges.told.contains(row.status),
                    try await RegistrationQueries.find(id: row.id, in: sql)?.status == RegistrationRow.cancelled
                {
                    try await CalendarMailing.withdrawn(
                        row, held: RegistrationRow.holding.contains(row.status), mail: mail, now: now, in: sql)
                }
                flash = action == "decline" ? "calendar.declined" : "calendar.cancelled"
            default:
                throw PageError(status: .badRequest, messageKey: "error.400.text")
            }
            try await VersionQueries.bump(.calendar, in: sql)
            return flash
        }
        return redirect(to: .registration(token: token), flash: flash)
    }
}
