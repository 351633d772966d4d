import EclairageDomain
import Hummingbird
import SQLKit

/// Edit links of a place's listing, issued from the place's page and by the freshness reminders (a
/// scheduler job), and found again from the token a visitor follows.
enum PlaceEditLinks {
    /// Stores a new edit link (its hash) for the place and mails it: `mail` names the messages
    /// (`…_subject`, `…_body`), as asked from the place's page or sent by the freshness reminders.
    static func issue(
        for row: PlaceRow, to email: String, valid seconds: Int64, mail: String, now: Int64, tokens: TokenSource,
        translations: Translations, baseURL: String, in sql: any SQLDatabase
    ) async throws {
        let token = tokens.random()
        try await DirectoryQueries.insertLink(
            tokenHash: TokenHash.of(token), placeID: row.id, email: email, now: now, expires: now + seconds, in: sql)
        let values = ["name": row.name, "link": baseURL + SiteURL.placeEdit(token: token).path]
        try await Outbox.enqueue(
            MailMessage(
                to: email, subject: translations.text(mail + "_subject", .fr, values),
                body: translations.text(mail + "_body", .fr, values)
            ), now: now, in: sql)
    }

    /// The link a visitor follows and the place it edits, while it is valid and the listing still shows its address.
    static func find(_ context: AppRequestContext, services: AppServices) async throws -> (
        DirectoryQueries.LinkRow, PlaceRow
    ) {
        let token = try context.parameters.require("token")
        let now = services.time.now()
        guard
            let (link, row) = try await services.database.read({ sql -> (DirectoryQueries.LinkRow, PlaceRow)? in
                guard let link = try await DirectoryQueries.link(tokenHash: TokenHash.of(token), now: now, in: sql),
                    let row = try await DirectoryQueries.find(id: link.placeId, in: sql),
                    row.place.emails.contains(link.email)
                else { return nil }
                return (link, row)
            })
        else { throw PageError.notFound }
        return (link, row)
    }

    /// Uses the link `token` once for what the place sent: a listing confirmed as it is is renewed at
    /// once and kept in the history (true); a changed one waits for the editors (false). A link used
    /// meanwhile is a 404.
    static func use(
        _ token: String, link: DirectoryQueries.LinkRow, row: PlaceRow, sent place: Place, services: AppServices,
        now: Int64
    ) async throws -> Bool {
        let before = row.place
        var unchanged = before
        unchanged.updatedOn = place.updatedOn
        let confirmed = unchanged == place
        try await services.database.transaction { sql in
            guard try await DirectoryQueries.consumeLink(tokenHash: TokenHash.of(token), in: sql) else {
                throw PageError.notFound
            }
            guard confirmed else {
                try await Contributions.recordPending(
                    placeID: row.id, before: before, after: place, origin: "lien", contact: link.email,
                    services: services, now: now, in: sql)
                return
            }
            try await Contributions.apply(place, to: row.id, now: now, in: sql)
            try await DirectoryQueries.recordChanges(
                [
                    .init(
                        id: services.tokens.identifier(), placeId: row.id, changedAt: now, changedBy: link.email,
                        origin: "lien", beforeJson: try Contributions.encode(before),
                        afterJson: try Contributions.encode(place), contact: link.email
                    )
                ], in: sql)
        }
        return confirmed
    }
}
