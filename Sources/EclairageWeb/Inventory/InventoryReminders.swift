import EclairageDomain
import SQLKit

/// The scheduler's reminders of what lapses: once per asset, lapse date and threshold (60, 30, 7 days),
/// to its holders who have an account (or, when none has, to the association's owners), through the
/// outbox. The claim and the mails are written in one transaction, so a restart neither loses nor
/// repeats one; a lapse first recorded 20 days ahead gets the 30-day reminder only.
enum InventoryReminders {
    static func run(now: Int64, translations: Translations, baseURL: String, in sql: any SQLDatabase) async throws {
        let today = DateFormatting.parisDay(now)
        let horizon = Day(number: today.number + (InventoryAlerts.thresholds.max() ?? 60))
        let lapsing = try await InventoryQueries.lapsing(onOrBefore: horizon.iso, in: sql)
        var due: [(InventoryQueries.Stored, String, Int, Int)] = []
        for stored in lapsing {
            guard let expiresOn = stored.row.expiresOn, let day = Day(iso: expiresOn) else { continue }
            let days = day - today
            guard days >= 0, let threshold = InventoryAlerts.threshold(daysLeft: days) else { continue }
            guard
                try await InventoryQueries.claimReminder(
                    asset: stored.row.id, expiresOn: expiresOn, threshold: threshold, now: now, in: sql)
            else { continue }
            due.append((stored, expiresOn, threshold, days))
        }
        guard !due.isEmpty else { return }
        let recipients = try await InventoryQueries.reminderRecipients(
            assetIDs: due.map(\.0.row.id), associationIDs: Array(Set(due.map(\.0.row.associationId))), in: sql
        )
        for (stored, expiresOn, _, days) in due {
            let holders = recipients.holders[stored.row.id] ?? []
            let to = holders.isEmpty ? recipients.owners[stored.row.associationId] ?? [] : holders
            let link = baseURL + SiteURL.inventory(stored.row.associationId).path
            for recipient in to {
                let language = Language(rawValue: recipient.locale) ?? .fr
                let values = [
                    "name": stored.row.name, "days": translations.plural("duration.days", count: days, language),
                    "date": DateFormatting.day(iso: expiresOn, language: language), "link": link,
                ]
                try await Outbox.enqueue(
                    MailMessage(
                        to: recipient.email, subject: translations.text("inventory.mail_subject", language, values),
                        body: translations.text("inventory.mail_body", language, values)
                    ), now: now, in: sql)
            }
        }
    }
}
