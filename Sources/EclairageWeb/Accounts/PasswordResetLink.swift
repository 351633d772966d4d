import EclairageDomain

/// A password reset link: sent by mail, valid one hour, once (the new password, set by
/// `AccountPassword`, ends every other link still outstanding).
enum PasswordResetLink {
    static let seconds: Int64 = 3600

    /// Mails a link when the address has an account; nothing otherwise (the page says the same).
    static func send(to email: String, services: AppServices) async throws {
        guard let user = try await services.database.read({ try await UserQueries.find(email: email, in: $0) })
        else { return }
        let token = services.tokens.random()
        let row = PasswordResetQueries.Row(
            tokenHash: TokenHash.of(token), userId: user.id, expiresAt: services.time.now() + seconds, usedAt: nil)
        try await services.database.write { try await PasswordResetQueries.insert(row, in: $0) }
        try await services.outbox.enqueue(AccountMails.passwordReset(user, token: token, services: services))
    }

    /// The account whose link this is, while the link is unused and unexpired (a row's account
    /// always exists: deleting an account deletes its links).
    static func user(for token: String, services: AppServices) async throws -> User? {
        let tokenHash = TokenHash.of(token)
        let now = services.time.now()
        return try await services.database.read { sql in
            guard let row = try await PasswordResetQueries.find(tokenHash: tokenHash, in: sql), row.usedAt == nil,
                row.expiresAt > now
            else { return nil }
            return try await UserQueries.find(id: row.userId, in: sql)
        }
    }
}
