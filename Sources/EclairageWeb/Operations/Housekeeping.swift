import SQLKit

/// Deletes what has expired: sessions, reset links, invitations, old rate-limit counters. Run now and then
/// on writes that already happen (a sign-in), rather than on a timer each app server would duplicate.
enum Housekeeping {
    static func run(in sql: any SQLDatabase) async throws {
        let now = Clock.now()
        try await sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(now)).run()
        try await sql.delete(from: "password_resets").where("expires_at", .lessThan, SQLBind(now - 24 * 3600)).run()
        try await sql.delete(from: "invitations").where("expires_at", .lessThan, SQLBind(now)).run()
        try await RateLimitQueries.purge(before: now - 24 * 3600, in: sql)
        try await SignUpQueries.purge(before: now, in: sql)
        try await AdvisorQueries.purgeInvitations(before: now, in: sql)
    }
}
