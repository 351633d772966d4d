import EclairageDomain
import SQLKit

/// The scheduler's care of stale plan steps (`StaleStep`): one mail per association to its owners
/// listing the steps that have not moved for three months, then, a month later, those still unmoved
/// are archived. Claims and mails are written in one transaction: a restart neither loses nor repeats.
enum PlanReminders {
    static func run(now: Int64, translations: Translations, baseURL: String, in sql: any SQLDatabase) async throws {
        var reminded: [String: [String]] = [:]
        for var step in try await PlanQueries.unmoved(since: now - StaleStep.remindAfter, in: sql) {
            switch StaleStep.decide(updatedAt: step.updatedAt, remindedAt: step.remindedAt, now: now) {
            case .none: continue
            case .remind:
                step.remindedAt = now
                reminded[step.associationId, default: []].append(step.title)
            case .archive:
                step.status = PlanStatus.archived.rawValue
                step.closedAt = now
                step.updatedAt = now
            }
            try await PlanQueries.update(step, in: sql)
        }
        guard !reminded.isEmpty else { return }
        let owners = try await AssociationQueries.owners(of: Array(reminded.keys), in: sql)
        for (association, titles) in reminded.sorted(by: { $0.key < $1.key }) {
            for owner in owners[association] ?? [] {
                let language = Language(rawValue: owner.locale) ?? .fr
                let values = [
                    "steps": titles.map { "- \($0)" }.joined(separator: "\n"),
                    "link": baseURL + SiteURL.associationPlan(association).path,
                ]
                try await Outbox.enqueue(
                    MailMessage(
                        to: owner.email, subject: translations.text("plan.stale_subject", language, values),
                        body: translations.text("plan.stale_body", language, values)), now: now, in: sql)
            }
        }
    }
}
