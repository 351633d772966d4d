import EclairageDomain
import SQLKit

/// The scheduler's reminders of the association's deadlines (new officers to declare, tax receipts to
/// declare, the register to review), 30 and 7 days ahead, to its owners, through the outbox, in one
/// transaction with their claims. Renewals are the inventory's reminders (`InventoryReminders`).
enum DeadlineReminders {
    static func run(now: Int64, translations: Translations, baseURL: String, in sql: any SQLDatabase) async throws {
        let today = DateFormatting.parisDay(now)
        var due: [(association: String, deadline: Deadline, days: Int)] = []
        for (association, sources) in try await DeadlineSources.load(nil, in: sql) {
            for deadline in Deadlines.of(sources, today: today) where deadline.kind != .renewal {
                let days = deadline.due - today
                guard days >= 0, let threshold = Deadline.threshold(daysLeft: days),
                    try await DeadlineQueries.claim(
                        association, reference: deadline.reference, threshold: threshold, now: now, in: sql)
                else { continue }
                due.append((association, deadline, days))
            }
        }
        guard !due.isEmpty else { return }
        let owners = try await AssociationQueries.owners(of: Array(Set(due.map(\.association))), in: sql)
        for (association, deadline, days) in due {
            let link = baseURL + SiteURL.deadlines(association).path
            for owner in owners[association] ?? [] {
                let language = Language(rawValue: owner.locale) ?? .fr
                let values = [
                    "what": translations.text("deadlines.kind.\(deadline.kind.rawValue)", language),
                    "days": translations.plural("duration.days", count: days, language),
                    "date": DateFormatting.day(iso: deadline.due.iso, language: language), "link": link,
                ]
                try await Outbox.enqueue(
                    MailMessage(
                        to: owner.email, subject: translations.text("deadlines.mail_subject", language, values),
                        body: translations.text("deadlines.mail_body", language, values)), now: now, in: sql)
            }
        }
    }
}
