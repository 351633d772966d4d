/// The areas whose data public pages show, each with a version that every write to it raises in
/// the same transaction. Caches are keyed on the versions, so they are exact: a write changes the key
/// on every server at once. A registration raises the calendar's, not the directory's, so it leaves
/// the directory's in-memory index and its rendered pages alone.
enum DataArea: Int64, CaseIterable, Sendable {
    /// Places and their services (imports, contributions, moderation, merges, support bodies).
    case directory = 1
    /// Trainings, sessions, registrations and the waiting list.
    case calendar = 2
}

/// Every area's version, read together in one query.
struct DataVersions: Hashable, Sendable {
    var directory: Int64 = 0
    var calendar: Int64 = 0

    subscript(area: DataArea) -> Int64 {
        get {
            switch area {
            case .directory: directory
            case .calendar: calendar
            }
        }
        set {
            switch area {
            case .directory: directory = newValue
            case .calendar: calendar = newValue
            }
        }
    }

    /// For cache keys.
    var key: String { "\(directory).\(calendar)" }

    static func read(_ database: Database) async throws -> DataVersions {
        try await database.read { try await VersionQueries.all(in: $0) }
    }
}
