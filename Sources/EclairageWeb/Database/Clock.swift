import Foundation

/// Time as stored in the database: whole seconds since 1970 (portable between SQLite and PostgreSQL).
enum Clock {
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
