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
}
