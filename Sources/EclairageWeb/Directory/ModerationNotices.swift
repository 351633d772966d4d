import EclairageDomain
import SQLKit

/// Who is told of an editor's decision, in the transaction that records it: the person who sent the
/// proposal or the change (the address they left) and the place itself (its listed addresses), each
/// once. A new place and a change to a listing are told apart; a published change says what changed.
struct ModerationNotices: Sendable {
    let translations: Translations
    let baseURL: String

    func tell(
        _ change: DirectoryQueries.ChangeRow, accepted: Bool, schema: DirectorySchema, now: Int64,
        in sql: any SQLDatabase
    ) async throws {
        guard let after = Contributions.decode(change.afterJson) else { return }
        let before = change.beforeJson.flatMap(Contributions.decode)
        let kind = before == nil ? "proposal" : "edit"
        let outcome = accepted ? "published" : "refused"
        let changes = Contributions.differences(before, after, schema: schema).map {
            translations.text(
                "directory.notice_change_line", .fr,
                [
                    "label": $0.label, "before": $0.before.isEmpty ? "—" : $0.before,
                    "after": $0.after.isEmpty ? "—" : $0.after,
                ])
        }
        let values = [
            "name": after.name, "link": baseURL + SiteURL.place(change.placeId).path,
            "changes": changes.joined(separator: "\n"), "directory": baseURL + SiteURL.directory.path,
        ]
        for address in Self.recipients(change, place: before ?? after) {
            try await Outbox.enqueue(
                MailMessage(
                    to: address, subject: translations.text("directory.notice_\(kind)_\(outcome)_subject", .fr, values),
                    body: translations.text("directory.notice_\(kind)_\(outcome)_body", .fr, values)
                ), now: now, in: sql)
        }
    }

    /// The contributor's address, then the listing's, without repeats.
    static func recipients(_ change: DirectoryQueries.ChangeRow, place: Place) -> [String] {
        var seen: Set<String> = []
        return ([change.contact].compactMap { $0 } + place.emails).compactMap { address in
            let key = address.trimmingCharacters(in: .whitespaces).lowercased()
            guard EmailAddress.isPlausible(key), seen.insert(key).inserted else { return nil }
            return key
        }
    }
}
