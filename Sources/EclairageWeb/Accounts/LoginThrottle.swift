import SQLKit

/// Limits failed sign-ins: 5 per account and 20 per address in 15 minutes.
/// Counted in the database, so every app server behind a load balancer sees the same count.
struct LoginThrottle: Sendable {
    let database: Database
    var window: Int64 = 15 * 60
    var perAccount = 5
    var perAddress = 20

    static func accountKey(_ email: String) -> String { "account:\(email)" }
    static func addressKey(_ address: String) -> String { "address:\(address)" }

    /// Minutes left before a new try is allowed, or nil when sign-in may be tried now.
    func blockedMinutes(email: String, address: String) async throws -> Int? {
        let since = Clock.now() - window
        let (account, fromAddress) = try await database.read { sql in
            (
                try await Self.attempts(Self.accountKey(email), since: since, in: sql),
                try await Self.attempts(Self.addressKey(address), since: since, in: sql)
            )
        }
        let blocked = account.count >= perAccount ? account : (fromAddress.count >= perAddress ? fromAddress : [])
        guard let oldest = blocked.min() else { return nil }
        return max(1, Int((oldest + window - Clock.now() + 59) / 60))
    }

    func recordFailure(email: String, address: String) async throws {
        let now = Clock.now()
        try await database.transaction { sql in
            for subject in [Self.accountKey(email), Self.addressKey(address)] {
                try await sql.insert(into: "login_attempts").columns("subject", "attempted_at")
                    .values(SQLBind(subject), SQLBind(now)).run()
            }
            try await sql.delete(from: "login_attempts").where("attempted_at", .lessThan, SQLBind(now - window)).run()
        }
    }

    func clear(email: String) async throws {
        try await database.write { sql in
            try await sql.delete(from: "login_attempts").where("subject", .equal, SQLBind(Self.accountKey(email))).run()
        }
    }

    private struct Attempt: Decodable { let attemptedAt: Int64 }

    private static func attempts(_ subject: String, since: Int64, in sql: any SQLDatabase) async throws -> [Int64] {
        try await sql.select().column("attempted_at").from("login_attempts")
            .where("subject", .equal, SQLBind(subject)).where("attempted_at", .greaterThan, SQLBind(since))
            .rows(Attempt.self).map(\.attemptedAt)
    }
}
