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

    /// What the help found depends on besides the report: the directory's and the calendar's
    /// versions, and the minute (places open now; trainings starting after it).
    struct Basis: Equatable, Sendable {
        let versions: DataVersions
        let minute: Int64
    }

    /// `attention`: the report's weakest themes; `needs`: the needs its advice is about. Kept per
    /// report's inputs while the basis is equal: one version read per view instead of four
    /// statements that read every training and coming session.
    static func find(
        departement: String?, postcode: String?, attention: [String], needs: [String] = [], services: AppServices,
        language: Language
    ) async throws -> NearbyHelp? {
        guard let departement = departement ?? postcode.flatMap({ Place.departement(insee: nil, postcode: $0) }) else {
            return nil
        }
        let basis = Basis(versions: try await DataVersions.read(services.database), minute: services.time.now() / 60)
        let key = [
            departement, postcode ?? "", attention.joined(separator: ","), needs.joined(separator: ","),
            language.rawValue,
        ]
        .joined(separator: "|")
        return try await services.nearby.value(for: key, basis: basis) {
            try await find(
                departement: departement, postcode: postcode, attention: attention, needs: needs, basis: basis,
                services: services, language: language)
        }
    }

    private static func find(
        departement: String, postcode: String?, attention: [String], needs: [String], basis: Basis,
        services: AppServices, language: Language
    ) async throws -> NearbyHelp? {
        let index = try await services.directory.current(services.database, versions: basis.versions)
        var filter = DirectoryFilter()
        // The minute's start for what is open; the trainings starting from the next minute on.
        let now = basis.minute * 60
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
        let (_, sessions) = try await CalendarSessions.since(now, versions: basis.versions, services: services)
        let trainings = sessions.filter { item in
            item.session.cancelled == 0 && item.session.startsAt >= now + 60 && item.place.departement == departement
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
