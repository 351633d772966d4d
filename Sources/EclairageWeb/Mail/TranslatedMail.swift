import EclairageDomain
import SQLKit

extension AppServices {
    /// The same message to each address, each in its reader's language: the language of the account
    /// the address has, else French (the sender's own choice of language says nothing about the
    /// reader's). Always the members' wording: an advisor's interface words never reach a mailbox.
    func mail(
        _ addresses: [String], subject: String, body: String, values: [String: String], context: AppRequestContext
    ) async throws {
        let languages = try await database.read { try await UserQueries.locales(of: addresses, in: $0) }
        for address in addresses {
            try await outbox.enqueue(message(to: address, in: languages, subject: subject, body: body, values: values))
        }
    }

    /// One message in its reader's language, from the languages read by `UserQueries.locales`.
    func message(
        to address: String, in languages: [String: Language], subject: String, body: String,
        values: [String: String]
    ) -> MailMessage {
        let language = languages[address] ?? .fr
        return MailMessage(
            to: address, subject: content.views.translations.text(subject, language, values),
            body: content.views.translations.text(body, language, values))
    }
}
