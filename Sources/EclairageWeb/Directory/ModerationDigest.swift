import EclairageDomain

/// Editors are told of what waits for them by one message per quarter hour at most (a burst of
/// proposals used to send each editor one mail per proposal): the job runs every fifteen minutes and,
/// when a change arrived since its last message, mails each editor the list of everything pending.
enum ModerationDigest {
    static let every: Int64 = 15 * 60
    /// Names listed in one message; beyond it, the message gives the number and the queue the rest.
    static let listed = 30

    static func run(now: Int64, database: Database, translations: Translations, baseURL: String) async throws {
        try await database.transaction { sql in
            let fresh = try await DirectoryQueries.unannouncedChanges(in: sql)
            guard !fresh.isEmpty else { return }
            let pending = try await DirectoryQueries.pendingChanges(in: sql)
            let count = try await DirectoryQueries.pendingCount(in: sql)
            var lines = pending.prefix(listed).map { change in
                let name = Contributions.decode(change.afterJson)?.name ?? "?"
                return translations.text(
                    "directory.digest_line_\(change.beforeJson == nil ? "proposal" : "edit")", .fr, ["name": name])
            }
            if count > listed {
                lines.append(translations.text("directory.digest_more", .fr, ["count": "\(count - listed)"]))
            }
            let values = [
                "count": "\(count)", "list": lines.joined(separator: "\n"), "link": baseURL + SiteURL.moderation.path,
            ]
            for editor in try await DirectoryQueries.editors(in: sql) {
                try await Outbox.enqueue(
                    MailMessage(
                        to: editor, subject: translations.text("directory.mail_moderation_subject", .fr, values),
                        body: translations.text("directory.mail_moderation_body", .fr, values)
                    ), now: now, in: sql)
            }
            try await DirectoryQueries.markAnnounced(fresh.map(\.id), now: now, in: sql)
        }
    }
}
