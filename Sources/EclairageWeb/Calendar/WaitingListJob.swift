import EclairageDomain

/// Every minute: offers whose deadline passed lapse, and their seats go to the next people waiting.
enum WaitingListJob {
    static func run(now: Int64, database: Database, views: Views, configuration: AppConfiguration) async throws {
        let lapsed = try await database.read { try await RegistrationQueries.lapsedOffers(now: now, in: $0) }
        guard !lapsed.isEmpty else { return }
        let mail = CalendarMail(translations: views.translations, baseURL: configuration.baseURL, mailFrom: configuration.mailFrom)
        for row in lapsed {
            try await database.transaction { sql in
                let events = try await WaitingList.release(row, from: [RegistrationRow.offered], as: RegistrationRow.expired, now: now, in: sql)
                try await CalendarMailing.send(events, sessionID: row.sessionId, mail: mail, now: now, in: sql)
                try await DirectoryQueries.bumpVersion(in: sql)
            }
        }
    }
}
