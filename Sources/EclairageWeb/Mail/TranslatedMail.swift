import EclairageDomain

extension AppServices {
    /// The same message, in the reader's language, to each address: a subject and a body from the
    /// translations, with their values.
    func mail(
        _ addresses: [String], subject: String, body: String, values: [String: String], context: AppRequestContext
    ) async throws {
        for address in addresses {
            try await outbox.enqueue(
                MailMessage(
                    to: address, subject: views.text(subject, context, values), body: views.text(body, context, values))
            )
        }
    }
}
