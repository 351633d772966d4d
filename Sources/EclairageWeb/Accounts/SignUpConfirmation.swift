import EclairageDomain

/// A sign-up waiting for its address to be confirmed: the e-mailed link, then the account it creates.
enum SignUpConfirmation {
    /// A confirmation link is valid a day.
    static let seconds: Int64 = 24 * 3600

    /// Keeps the request (the password already hashed) and mails the link, in the visitor's language.
    static func request(
        email: String, name: String, passwordHash: String, language: Language, services: AppServices
    ) async throws {
        let token = services.tokens.random()
        let pending = SignUpQueries.Request(
            tokenHash: TokenHash.of(token), email: email, displayName: name, passwordHash: passwordHash,
            locale: language.rawValue, expiresAt: services.time.now() + seconds
        )
        try await services.database.write { try await SignUpQueries.insert(pending, in: $0) }
        try await services.outbox.enqueue(
            AccountMails.confirmation(to: email, name: name, token: token, language: language, services: services))
    }

    /// The account the link creates, or nil when the link is unknown or expired, or the address was
    /// taken meanwhile. Every request for the address goes.
    static func confirm(_ token: String, services: AppServices) async throws -> User? {
        let now = services.time.now()
        return try await services.database.transaction { sql -> User? in
            guard token.count <= 64,
                let pending = try await SignUpQueries.find(tokenHash: TokenHash.of(token), now: now, in: sql)
            else {
                return nil
            }
            try await SignUpQueries.delete(email: pending.email, in: sql)
            guard try await UserQueries.find(email: pending.email, in: sql) == nil else { return nil }
            let user = User(
                id: services.tokens.identifier(), email: pending.email, displayName: pending.displayName,
                passwordHash: pending.passwordHash,
                isAdmin: 0, locale: pending.locale, createdAt: now, passwordChangedAt: now
            )
            try await UserQueries.insert(user, in: sql)
            return user
        }
    }
}
