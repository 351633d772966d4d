import EclairageDomain
import Foundation
import SQLKit

/// Changes waiting for the editors, and applying a change (accepted, or a revert) to a place.
enum Contributions {
    static func encode(_ place: Place) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(place), as: UTF8.self)
    }

    static func decode(_ json: String?) -> Place? {
        json.flatMap { try? JSONDecoder().decode(Place.self, from: Data($0.utf8)) }
    }

    /// Keeps the change as pending; the editors hear of it through the quarter-hourly digest (`ModerationDigest`).
    static func recordPending(
        placeID: String, before: Place?, after: Place, origin: String, contact: String?, services: AppServices,
        now: Int64, in sql: any SQLDatabase
    ) async throws {
        let change = DirectoryQueries.ChangeRow(
            id: services.tokens.identifier(), placeId: placeID, changedAt: now, changedBy: contact ?? origin,
            origin: origin,
            beforeJson: try before.map(encode), afterJson: try encode(after),
            status: DirectoryQueries.ChangeRow.pending, contact: contact
        )
        try await DirectoryQueries.recordChanges([change], in: sql)
    }

    /// What accepting a pending change would do to the listing as it is now. An edit keeps the state it
    /// was based on (`before`): only the fields it changes are written, over the current listing, so a
    /// change accepted in between is kept; a field it changes that someone else changed since (to
    /// another value) is a conflict, and nothing is applied.
    struct Outcome: Sendable {
        let place: Place?
        /// Labels of the schema's columns in conflict.
        let conflicts: [String]
    }

    static func outcome(of change: DirectoryQueries.ChangeRow, current: Place?, schema: DirectorySchema) -> Outcome {
        guard let after = decode(change.afterJson) else { return Outcome(place: nil, conflicts: []) }
        guard let base = decode(change.beforeJson), let current else { return Outcome(place: after, conflicts: []) }
        let conflicts = schema.columns.filter { column in
            let name = column.name
            guard name != "date_maj" else { return false }
            let (was, wanted, now) = (base.schemaValues(name), after.schemaValues(name), current.schemaValues(name))
            return was != wanted && now != was && now != wanted
        }.map(\.label)
        return Outcome(
            place: conflicts.isEmpty ? merged(base: base, after: after, current: current) : nil, conflicts: conflicts)
    }

    /// The current listing with the properties the edit changes (from its base) taken from the edit.
    static func merged(base: Place, after: Place, current: Place) -> Place? {
        guard let base = fields(base), let after = fields(after), var result = fields(current) else { return nil }
        for key in Set(base.keys).union(after.keys) where base[key] != after[key] { result[key] = after[key] }
        result["updatedOn"] = after["updatedOn"]
        guard let data = try? JSONEncoder().encode(result) else { return nil }
        return try? JSONDecoder().decode(Place.self, from: data)
    }

    /// Each property of the place as a JSON value (a property left out is `nil`).
    private static func fields(_ place: Place) -> [String: JSONValue]? {
        guard let data = try? JSONEncoder().encode(place) else { return nil }
        return try? JSONDecoder().decode([String: JSONValue].self, from: data)
    }

    /// Any JSON value, compared structurally.
    indirect enum JSONValue: Codable, Equatable, Sendable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    /// Writes `place` over the listing (published), with its services, and bumps the directory's version.
    static func apply(_ place: Place, to placeID: String, now: Int64, in sql: any SQLDatabase) async throws {
        guard let current = try await DirectoryQueries.find(id: placeID, in: sql) else { return }
        let row = PlaceRow(
            id: placeID, place: place, status: PlaceRow.published, supportBodyID: current.supportBodyId,
            createdAt: current.createdAt, updatedAt: now)
        try await DirectoryQueries.update(row, in: sql)
        let services = PlaceService.fromSchema(place.services).enumerated().map {
            PlaceServiceRow(placeID: placeID, position: $0.offset, service: $0.element)
        }
        try await DirectoryQueries.replaceServices(of: [placeID], with: services, in: sql)
        try await DirectoryQueries.bumpVersion(in: sql)
    }

    /// The columns that differ, labelled, with their values before and after.
    static func differences(_ before: Place?, _ after: Place?, schema: DirectorySchema) -> [Difference] {
        schema.columns.compactMap { column in
            let old = before?.schemaValues(column.name).joined(separator: " | ") ?? ""
            let new = after?.schemaValues(column.name).joined(separator: " | ") ?? ""
            guard old != new, column.name != "date_maj" else { return nil }
            return Difference(label: column.label, before: old, after: new)
        }
    }

    struct Difference: Sendable {
        let label: String
        let before: String
        let after: String
    }
}
