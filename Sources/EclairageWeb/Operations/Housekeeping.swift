import SQLKit

/// Deletes what has expired: sessions, reset links, invitations, old rate-limit counters. Run now and then
/// on writes that already happen (a sign-in), rather than on a timer each app server would duplicate.
enum Housekeeping {
    static func run(now: Int64, in sql: any SQLDatabase) async throws {
        try await SQLPersistDriver.purge(before: now, in: sql)
        try await PasswordResetQueries.purge(before: now - 24 * 3600, in: sql)
        try await InvitationQueries.purge(before: now, in: sql)
        try await RateLimitQueries.purge(before: now - 24 * 3600, in: sql)
        try await SignUpQueries.purge(before: now, in: sql)
        try await AdvisorQueries.purgeInvitations(before: now, in: sql)
    }
}
