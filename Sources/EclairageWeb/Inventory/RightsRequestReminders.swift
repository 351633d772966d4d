import EclairageDomain
import SQLKit

/// The scheduler's reminders of rights requests still unanswered: a week before the answer is due and
/// on the day, to the association's owners, through the outbox; each claimed once per due day, so an
/// extension (a new due day) is reminded again. Run with the inventory's reminders.
enum RightsRequestReminders {
    static func run(now: Int64, translations: Translations, baseURL: String, in sql: any SQLDatabase) async throws {
        let today = DateFormatting.parisDay(now)
        var due: [(RightsRequestQueries.Row, Day)] = []
        for row in try await RightsRequestQueries.unanswered(in: sql) {
            let dueOn = row.request.dueOn
            let days = dueOn - today
            // the threshold reached last: a request recorded five days before its due day gets only that one
            guard let threshold = RightsRequest.thresholds.filter({ days <= $0 }).min() else { continue }
            guard
                try await RightsRequestQueries.claimReminder(
                    request: row.id, dueOn: dueOn.iso, threshold: threshold, now: now, in: sql)
            else { continue }
            due.append((row, dueOn))
        }
        guard !due.isEmpty else { return }
        let owners = try await AssociationQueries.owners(of: Array(Set(due.map(\.0.associationId))), in: sql)
        for (row, dueOn) in due {
            for owner in owners[row.associationId] ?? [] {
                let language = Language(rawValue: owner.locale) ?? .fr
                let values = [
                    "kind": translations.text("rights.kind.\(row.kind)", language, [:]),
                    "requester": row.requester,
                    "date": DateFormatting.day(iso: dueOn.iso, language: language),
                    "received": DateFormatting.day(iso: row.receivedOn, language: language),
                    "link": baseURL + SiteURL.rightsRequest(row.associationId, request: row.id).path,
                ]
                try await Outbox.enqueue(
                    MailMessage(
                        to: owner.email, subject: translations.text("rights.mail_subject", language, values),
                        body: translations.text("rights.mail_body", language, values)
                    ), now: now, in: sql)
            }
        }
    }
}
