import EclairageDomain

/// "Près de chez vous" in the report: the nearest places of the directory (from the association's
/// postcode, else the département answered in the diagnostic) and the next trainings on the report's
/// points of attention (any theme when there is none), organised in that département.
struct NearbyHelp: Sendable, Equatable {
    let places: [Item]
    let trainings: [Item]
    let directoryLink: String
    let calendarLink: String

    struct Item: Sendable, Equatable {
        let title: String
        let link: String
        let detail: String
    }

    /// `attention`: the report's weakest themes; `needs`: the needs its advice is about.
    static func find(
        departement: String?, postcode: String?, attention: [String], needs: [String] = [], services: AppServices,
        language: Language
    ) async throws -> NearbyHelp? {
        guard let departement = departement ?? postcode.flatMap({ Place.departement(insee: nil, postcode: $0) }) else {
            return nil
        }
        let index = try await services.directory.current(services.database)
        var filter = DirectoryFilter()
        let now = services.time.now()
        let clock = DirectoryClock(now)
        if let postcode, let commune = (try? services.directory.communes())?.communes(postcode: postcode).first {
            filter.near = GeoPoint(latitude: commune.latitude, longitude: commune.longitude)
            filter.radius = 50
        } else {
            filter.selected[.departement] = departement
        }
        let places = index.search(filter, day: clock.day, minute: clock.minute).prefix(3).map { match in
            Item(
                title: match.entry.place.name, link: SiteURL.place(match.entry.id).path,
                detail: match.entry.place.commune + (match.distance.map { " · \(Int($0.rounded())) km" } ?? ""))
        }
        let (_, sessions) = try await CalendarSessions.since(now, services: services)
        let trainings = sessions.filter { item in
            item.session.cancelled == 0 && item.session.startsAt > now && item.place.departement == departement
                && ((attention.isEmpty && needs.isEmpty) || !Set(item.training.themeList).isDisjoint(with: attention)
                    || !Set(item.training.needList).isDisjoint(with: needs))
        }.prefix(3).map { item in
            Item(
                title: item.training.title, link: SiteURL.training(item.training.id).path,
                detail: DateFormatting.dayAndTime(item.session.startsAt, language: language) + " · "
                    + item.place.place.commune)
        }
        guard !places.isEmpty || !trainings.isEmpty else { return nil }
        let near = postcode.map { "?pres=\($0)" } ?? "?departement=\(departement)"
        return NearbyHelp(
            places: Array(places), trainings: Array(trainings), directoryLink: SiteURL.directory.path + near,
            calendarLink: SiteURL.calendar.path + "?departement=\(departement)")
    }
}
