import EclairageDomain
import SQLKit

/// Making awards: one row per recipient (a fresh salt each), and one mail each through the outbox, in
/// the caller's transaction, so an award is never made without its mail nor mailed without being made.
enum BadgeAwards {
    static func make(
        _ emails: [String], badgeClass: BadgeClassRow, training: String?, by userID: String, now: Int64,
        services: AppServices, in sql: any SQLDatabase
    ) async throws -> [BadgeAwardRow] {
        let rows = emails.map { email in
            BadgeAwardRow(
                id: services.tokens.identifier(), badgeClassId: badgeClass.id, email: email,
                salt: services.tokens.random(length: 16), issuedAt: now, trainingId: training, awardedBy: userID,
                revokedAt: nil, revocationReason: nil)
        }
        try await BadgeQueries.insertAwards(rows, in: sql)
        let languages = try await UserQueries.locales(of: rows.map(\.email), in: sql)
        for row in rows {
            try await Outbox.enqueue(
                mail(row, badgeClass: badgeClass, languages: languages, services: services), now: now, in: sql)
        }
        return rows
    }

    /// The award's mail, in its earner's language (see `AppServices.message`).
    static func mail(
        _ award: BadgeAwardRow, badgeClass: BadgeClassRow, languages: [String: Language], services: AppServices
    ) -> MailMessage {
        services.message(
            to: award.email, in: languages, subject: "badges.mail_subject", body: "badges.mail_body",
            values: [
                "name": badgeClass.name, "page": services.absoluteURL(.badgePage(award.id)),
                "download": services.absoluteURL(.badgeBaked(award.id)), "all": services.absoluteURL(.earnerBadges),
            ])
    }
}
