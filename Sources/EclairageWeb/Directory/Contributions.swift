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

    /// Keeps the change as pending and tells every editor (administrators included) by mail.
    static func recordPending(
        placeID: String, before: Place?, after: Place, origin: String, contact: String?, services: AppServices, now: Int64, in sql: any SQLDatabase
    ) async throws {
        let change = DirectoryQueries.ChangeRow(
            id: services.tokens.identifier(), placeId: placeID, changedAt: now, changedBy: contact ?? origin, origin: origin,
            beforeJson: try before.map(encode), afterJson: try encode(after), status: DirectoryQueries.ChangeRow.pending, contact: contact
        )
        try await DirectoryQueries.recordChanges([change], in: sql)
        let values = ["name": after.name, "link": services.absoluteURL(.moderation)]
        for editor in try await DirectoryQueries.editors(in: sql) {
            try await Outbox.enqueue(MailMessage(
                to: editor, subject: services.views.translations.text("directory.mail_moderation_subject", .fr, values),
                body: services.views.translations.text("directory.mail_moderation_body", .fr, values)
            ), now: now, in: sql)
        }
    }

    /// Writes `place` over the listing (published), with its services, and bumps the directory's version.
    static func apply(_ place: Place, to placeID: String, now: Int64, in sql: any SQLDatabase) async throws {
        guard let current = try await DirectoryQueries.find(id: placeID, in: sql) else { return }
        let row = PlaceRow(id: placeID, place: place, status: PlaceRow.published, supportBodyID: current.supportBodyId, createdAt: current.createdAt, updatedAt: now)
        try await DirectoryQueries.update(row, in: sql)
        let services = PlaceService.fromSchema(place.services).enumerated().map { PlaceServiceRow(placeID: placeID, position: $0.offset, service: $0.element) }
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

    struct Difference: Sendable, TemplateFields {
        let label: String
        let before: String
        let after: String
        var templateFields: [String: Any] { ["label": label, "before": before, "after": after] }
    }
}
