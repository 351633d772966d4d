import EclairageDomain

/// Every minute: offers whose deadline passed lapse, and their seats go to the next people waiting.
/// Links stored in clear before migration 25 are replaced by their hash (the same links keep working).
enum WaitingListJob {
    static func run(now: Int64, database: Database, views: Views, configuration: AppConfiguration, tokens: TokenSource)
        async throws
    {
        try await hashClearLinks(database)
        let lapsed = try await database.read { try await RegistrationQueries.lapsedOffers(now: now, in: $0) }
        guard !lapsed.isEmpty else { return }
        let mail = CalendarMail(
            translations: views.translations, baseURL: configuration.baseURL, mailFrom: configuration.mailFrom,
            tokens: tokens)
        for row in lapsed {
            try await database.transaction { sql in
                let events = try await WaitingList.release(
                    row, from: [RegistrationRow.offered], as: RegistrationRow.expired, now: now, in: sql)
                try await CalendarMailing.send(events, sessionID: row.sessionId, mail: mail, now: now, in: sql)
                try await VersionQueries.bump(.calendar, in: sql)
            }
        }
    }

    static func hashClearLinks(_ database: Database) async throws {
        while true {
            let clear = try await database.read { try await RegistrationQueries.clearTokens(in: $0) }
            guard !clear.isEmpty else { return }
            try await database.write { sql in
                for row in clear {
                    try await RegistrationQueries.setTokenHash(TokenHash.of(row.tokenHash), of: row.id, in: sql)
                }
            }
        }
    }
}
