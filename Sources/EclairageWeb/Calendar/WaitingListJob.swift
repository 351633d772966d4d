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
                if !events.isEmpty, let session = try await CalendarQueries.session(row.sessionId, in: sql),
                    let training = try await CalendarQueries.training(session.trainingId, in: sql),
                    let place = try await DirectoryQueries.find(id: training.placeId, in: sql) {
                    let context = CalendarMail.Context(training: training, session: session, place: place.place)
                    for event in events { try await Outbox.enqueue(mail.message(for: event, context, now: now), now: now, in: sql) }
                }
                try await DirectoryQueries.bumpVersion(in: sql)
            }
        }
    }
}
