import EclairageDomain
import Foundation

/// What the list and the map show, rendered apart and kept (see `DirectoryController.cached`): the
/// search form with its facets and counts, one page of places, the links to the other pages, the
/// exports of exactly this selection, and (for the map) the SVG.
enum DirectoryResultsPage {
    static let pageSize = 20

    struct Model: Sendable {
        let query: String
        let nearText: String
        let radii: [FilterOption]
        let nearProblem: String?
        let nearChoices: [LinkView]
        let facets: [FacetGroup]
        let openNow: Bool
        let openNowCount: Int
        let results: [PlaceItem]
        let resultCount: Int
        let nextPage: String?
        let previousPage: String?
        let action: String
        let listLink: String
        let mapLink: String
        let csvLink: String
        let jsonLink: String
        let geojsonLink: String
        let map: String?
        let unplaced: Int?
        /// Each filter in force, as a link that shows the same search without it.
        let activeFilters: [LinkView]
        /// "Ouvert en ce moment" with nothing open: the places of the same search that open soonest.
        let nextOpenings: [NextOpening]
        /// The filters the map's short form does not show, sent again with it (facets, "open now").
        let keptFilters: [KeptFilter]

        struct KeptFilter: Sendable {
            let name: String
            let value: String
        }

        struct NextOpening: Sendable {
            let name: String
            let link: String
            let commune: String
            let when: String
        }

        struct FacetGroup: Sendable {
            let name: String
            let label: String
            let options: [FilterOption]
            let anySelected: Bool
        }

        init(
            _ asked: DirectoryRequest, index: DirectoryIndex, clock: DirectoryClock, template: String,
            services: AppServices, context: AppRequestContext
        ) {
            let views = services.views
            let matches = index.search(asked.filter, day: clock.day, minute: clock.minute)
            query = asked.filter.query
            nearText = asked.nearText
            radii = DirectoryRequest.radii.map {
                .init(value: String($0), label: "\($0) km", count: 0, selected: $0 == asked.filter.radius)
            }
            nearProblem = asked.nearProblem.map { views.text($0, context, ["text": asked.nearText]) }
            nearChoices = asked.nearChoices.map {
                LinkView(title: $0.label, link: SiteURL.directory.path + asked.query(page: 1, near: $0.value))
            }
            facets = DirectoryFilter.Facet.allCases.map { facet in
                let counts = index.counts(facet, filter: asked.filter, day: clock.day, minute: clock.minute)
                let selected = asked.filter.selected[facet]
                let values: [(String, String)] =
                    if let column = facet.column { services.directory.schema.values(column).map { ($0, $0) } } else {
                        services.departements.map { ($0.code, "\($0.code) – \($0.name)") }
                    }
                var options = values.compactMap { value, label -> FilterOption? in
                    let count = counts[value] ?? 0
                    guard count > 0 || selected == value else { return nil }
                    return FilterOption(value: value, label: label, count: count, selected: selected == value)
                }
                if facet == .departement {
                    // The ten départements with most places (and the one chosen), to keep the page light.
                    options = Array(
                        options.sorted { $0.selected != $1.selected ? $0.selected : $0.count > $1.count }.prefix(10))
                }
                return FacetGroup(
                    name: facet.rawValue, label: views.text("directory_facet_\(facet.rawValue)", context),
                    options: options,
                    anySelected: selected != nil)
            }
            openNow = asked.filter.openNow
            var openFilter = asked.filter
            openFilter.openNow = true
            openNowCount =
                asked.filter.openNow
                ? matches.count : index.search(openFilter, day: clock.day, minute: clock.minute).count
            let start = (asked.page - 1) * DirectoryResultsPage.pageSize
            results = matches.dropFirst(start).prefix(DirectoryResultsPage.pageSize).map { PlaceItem($0, clock: clock) }
            resultCount = matches.count
            let base = template == "directory-map-results" ? SiteURL.directoryMap.path : SiteURL.directory.path
            nextPage =
                start + DirectoryResultsPage.pageSize < matches.count ? base + asked.query(page: asked.page + 1) : nil
            previousPage = asked.page > 1 ? base + asked.query(page: asked.page - 1) : nil
            let filters = asked.query(page: 1)
            action = base
            listLink = SiteURL.directory.path + filters
            mapLink = SiteURL.directoryMap.path + filters
            csvLink = SiteURL.directoryCSV.path + filters
            jsonLink = SiteURL.directoryJSON.path + filters
            geojsonLink = SiteURL.directoryGeoJSON.path + filters
            activeFilters = Self.active(asked, base: base, services: services, context: context)
            keptFilters =
                DirectoryFilter.Facet.allCases.compactMap { facet in
                    asked.filter.selected[facet].map { KeptFilter(name: facet.rawValue, value: $0) }
                } + (asked.filter.openNow ? [KeptFilter(name: "ouvert", value: "1")] : [])
            if asked.filter.openNow, matches.isEmpty {
                var anyTime = asked.filter
                anyTime.openNow = false
                let soonest = index.search(anyTime, day: clock.day, minute: clock.minute).compactMap { match in
                    match.entry.hours?.nextOpening(day: clock.day, minute: clock.minute).map { (match, $0) }
                }.sorted { ($0.1.days, $0.1.minute) < ($1.1.days, $1.1.minute) }
                nextOpenings = soonest.prefix(5).map { match, next in
                    NextOpening(
                        name: match.entry.place.name, link: SiteURL.place(match.entry.id).path,
                        commune: "\(match.entry.place.postcode) \(match.entry.place.commune)",
                        when: OpeningHours.frenchNextOpening(next, from: clock.day))
                }
            } else {
                nextOpenings = []
            }
            if template == "directory-map-results" {
                map = DirectoryMap.svg(
                    matches.compactMap { match in
                        match.entry.point.map {
                            DirectoryMap.Point(
                                point: $0, label: match.entry.place.name, link: SiteURL.place(match.entry.id).path)
                        }
                    }, title: views.text("directory_map_svg_title", context, ["count": String(matches.count)]),
                    backdrop: services.directory.backdrop
                ) { centre, reach in
                    // A disc of several places opens the map around them, with the other filters kept.
                    var closer = asked
                    closer.filter.radius = DirectoryRequest.radii.first { Double($0) >= reach + 1 } ?? 100
                    return SiteURL.directoryMap.path
                        + closer.query(
                            page: 1, near: String(format: "%.4f, %.4f", centre.latitude, centre.longitude))
                }
                let count = matches.filter { $0.entry.point == nil }.count
                unplaced = count > 0 ? count : nil
            } else {
                map = nil
                unplaced = nil
            }
        }

        /// The filters in force, each a link to the same search without it.
        static func active(_ asked: DirectoryRequest, base: String, services: AppServices, context: AppRequestContext)
            -> [LinkView]
        {
            let views = services.views
            var links: [LinkView] = []
            if !asked.filter.query.isEmpty {
                var without = asked
                without.filter.query = ""
                links.append(.init(title: "« \(asked.filter.query) »", link: base + without.query(page: 1)))
            }
            if !asked.nearText.isEmpty {
                links.append(
                    .init(
                        title: views.text(
                            "directory_filter_near", context,
                            ["text": asked.nearText, "radius": String(asked.filter.radius)]),
                        link: base + asked.query(page: 1, near: "")))
            }
            if asked.filter.openNow {
                var without = asked
                without.filter.openNow = false
                links.append(
                    .init(title: views.text("directory_open_now", context), link: base + without.query(page: 1)))
            }
            for facet in DirectoryFilter.Facet.allCases {
                guard let value = asked.filter.selected[facet] else { continue }
                let label =
                    facet == .departement
                    ? services.departements.first { $0.code == value }.map { "\($0.code) – \($0.name)" } ?? value
                    : value
                links.append(
                    .init(
                        title: "\(views.text("directory_facet_\(facet.rawValue)", context)) : \(label)",
                        link: base + asked.query(page: 1, setting: facet, to: nil)))
            }
            return links
        }

        /// One place in the list.
        struct PlaceItem: Sendable {
            let name: String
            let link: String
            let commune: String
            let services: String
            let distance: String?
            let today: String?
            let stale: Bool

            init(_ match: DirectoryIndex.Match, clock: DirectoryClock) {
                let place = match.entry.place
                name = place.name
                link = SiteURL.place(match.entry.id).path
                commune = "\(place.postcode) \(place.commune)"
                services = place.services.prefix(3).joined(separator: " · ")
                distance = match.distance.map {
                    $0 < 10
                        ? String(format: "%.1f km", $0).replacingOccurrences(of: ".", with: ",")
                        : "\(Int($0.rounded())) km"
                }
                today = match.entry.hours?.frenchToday(day: clock.day, minute: clock.minute)
                stale = clock.isStale(place.updatedOn)
            }
        }
    }
}
