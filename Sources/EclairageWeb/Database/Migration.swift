/// One numbered schema change, with the statements that apply it and those that revert it.
/// Statements are plain DDL (no values); where SQLite and PostgreSQL differ, `up`/`down` receive the kind.
struct Migration: Sendable {
    let version: Int
    let name: String
    let up: @Sendable (Database.Kind) -> [String]
    let down: @Sendable (Database.Kind) -> [String]

    init(_ version: Int, _ name: String, up: [String], down: [String]) {
        self.version = version
        self.name = name
        self.up = { _ in up }
        self.down = { _ in down }
    }

    init(
        _ version: Int, _ name: String,
        up: @escaping @Sendable (Database.Kind) -> [String], down: @escaping @Sendable (Database.Kind) -> [String]
    ) {
        self.version = version
        self.name = name
        self.up = up
        self.down = down
    }
}
