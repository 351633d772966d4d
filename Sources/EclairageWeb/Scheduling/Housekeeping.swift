import SQLKit

/// Deletes what has expired: sessions, reset links, invitations, sign-up requests, anonymous diagnostics,
/// old rate-limit counters, mail sent a month ago. Run hourly by the scheduler (one server per run).
enum Housekeeping {
    static func run(now: Int64, in sql: any SQLDatabase) async throws {
        try await SQLPersistDriver.purge(before: now, in: sql)
        try await PasswordResetQueries.purge(before: now - 24 * 3600, in: sql)
        try await InvitationQueries.purge(before: now, in: sql)
        try await RateLimitQueries.purge(before: now - 24 * 3600, in: sql)
        try await SignUpQueries.purge(before: now, in: sql)
        try await AdvisorQueries.purgeInvitations(before: now, in: sql)
        try await DiagnosticQueries.purgeExpired(now: now, in: sql)
        try await OutboxQueries.purgeSent(before: now - 30 * 24 * 3600, in: sql)
        try await AccessLogQueries.purge(before: now - 365 * 24 * 3600, in: sql)
    }
}
