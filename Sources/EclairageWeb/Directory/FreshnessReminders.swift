import EclairageDomain

/// A listing not updated for five months gets one reminder at its listed address, with a link to
/// confirm or correct it before it is marked "à vérifier" at six months (as the national map drops
/// such listings). Confirming without change renews it at once.
enum FreshnessReminders {
    static let after = 152  // days, about five months

    static func run(now: Int64, database: Database, translations: Translations, tokens: TokenSource, baseURL: String)
        async throws
    {
        let limit = Day(number: DirectoryClock(now).day.number - after).iso
        let due = try await database.read { try await DirectoryQueries.staleSoon(updatedBefore: limit, in: $0) }
        for row in due {
            try await database.transaction { sql in
                try await DirectoryQueries.remember(row.id, updatedOn: row.updatedOn, now: now, in: sql)
                guard let email = row.place.emails.first else { return }
                try await PlaceEditLinks.issue(
                    for: row, to: email, valid: 30 * 86_400, mail: "directory.mail_stale", now: now, tokens: tokens,
                    translations: translations, baseURL: baseURL, in: sql)
            }
        }
    }
}
