import EclairageDomain
import Hummingbird

/// The sessions the calendar shows, each with its training and organiser: read by the calendar's
/// page, its feeds and the report's help nearby.
enum CalendarSessions {
    struct Item: Sendable {
        let session: SessionRow
        let training: TrainingRow
        let place: DirectoryIndex.Entry
    }

    /// Sessions ending after `since`, with their training and organiser, in start order; and the
    /// directory's version they were read at.
    /// `versions`: the areas' versions when the caller has read them already.
    static func since(_ since: Int64, versions: DataVersions? = nil, services: AppServices) async throws -> (
        Int64, [Item]
    ) {
        let index = try await services.directory.current(services.database, versions: versions)
        let (trainings, sessions) = try await services.database.read { sql in
            (try await CalendarQueries.all(in: sql), try await CalendarQueries.sessions(since: since, in: sql))
        }
        let byID = Dictionary(trainings.map { ($0.id, $0) }) { a, _ in a }
        let items = sessions.compactMap { session -> Item? in
            guard let training = byID[session.trainingId], let place = index.entry(id: training.placeId) else {
                return nil
            }
            return Item(session: session, training: training, place: place)
        }
        return (index.version, items)
    }

    /// What the calendar's page and feeds are asked to show: the list's filters (from the query
    /// string), and for the feeds of one training or organiser, that one.
    struct Filter: Sendable {
        var departement: String?
        var theme: String?
        var need: String?
        var kind: String?
        var trainingID: String?
        var placeID: String?

        init(_ request: Request) {
            let params = request.queryFields
            func value(_ name: String) -> String? {
                params[name].map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            departement = value("departement")
            theme = value("theme")
            need = value("besoin")
            kind = value("type")
        }

        func matches(_ item: Item) -> Bool {
            if let departement, item.place.departement != departement { return false }
            if let theme, !item.training.themeList.contains(theme) { return false }
            if let need, !item.training.needList.contains(need) { return false }
            if let kind, item.training.kind != kind { return false }
            if let trainingID, item.training.id != trainingID { return false }
            if let placeID, item.place.id != placeID { return false }
            return true
        }

        var query: String {
            QueryString.make([("departement", departement), ("theme", theme), ("besoin", need), ("type", kind)])
        }

        var key: String {
            "\(departement ?? "")|\(theme ?? "")|\(need ?? "")|\(kind ?? "")|\(trainingID ?? "")|\(placeID ?? "")"
        }

        /// The list's link to `page` with these filters.
        func pageQuery(_ page: Int) -> String {
            guard page > 1 else { return query }
            return query + (query.isEmpty ? "?" : "&") + "page=\(page)"
        }
    }
}
