/// Replacing an account's password (changed from the account page, or set by a reset link).
enum AccountPassword {
    /// Stores the new hash. The new password ends every session of the account and every reset link
    /// still outstanding; returns the account as it now is (its new session generation).
    @discardableResult
    static func replace(for user: User, hash: String, services: AppServices) async throws -> User? {
        try await services.database.transaction { sql in
            try await UserQueries.updatePassword(userID: user.id, hash: hash, now: services.time.now(), in: sql)
            try await PasswordResetQueries.endAll(userID: user.id, now: services.time.now(), in: sql)
            return try await UserQueries.find(id: user.id, in: sql)
        }
    }
}
