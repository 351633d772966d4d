import EclairageDomain
import Foundation
import Hummingbird

/// The directory's filters as the query string carries them, and where "près de…" points to.
struct DirectoryRequest: Sendable {
    var filter = DirectoryFilter()
    var nearText = ""
    var page = 1
    /// Set when "près de…" could not be placed, or names several communes.
    var nearProblem: String?
    var nearChoices: [(label: String, value: String)] = []

    static let radii = [5, 10, 30, 50, 100]

    init(_ request: Request, directory: DirectoryServices, index: DirectoryIndex) {
        let params = request.queryFields
        func value(_ name: String) -> String? {
            guard let raw = params[name] else { return nil }
            let text = String(raw.prefix(200))
            return text.isEmpty ? nil : text
        }
        filter.query = value("q") ?? ""
        for facet in DirectoryFilter.Facet.allCases {
            if let selected = value(facet.rawValue) { filter.selected[facet] = selected }
        }
        filter.openNow = params["ouvert"] == "1"
        if let radius = value("rayon").flatMap(Int.init), Self.radii.contains(radius) { filter.radius = radius }
        page = value("page").flatMap(Int.init).map { max(1, min($0, 500)) } ?? 1
        nearText = value("pres")?.trimmingCharacters(in: .whitespaces) ?? ""
        if !nearText.isEmpty { locate(directory: directory, index: index) }
    }

    /// A postcode, a commune's name or "latitude, longitude"; the communes file first, then the
    /// directory's own places in that commune.
    mutating func locate(directory: DirectoryServices, index: DirectoryIndex) {
        // "37 000" is how people write a postcode (and not a latitude and a longitude).
        let digits = nearText.filter { !$0.isWhitespace }
        let isPostcode = digits.count == 5 && digits.allSatisfy(\.isNumber)
        if !isPostcode, let point = GeoPoint(text: nearText) {
            filter.near = point
            return
        }
        let communes = (try? directory.communes()) ?? CommuneIndex(communes: [])
        let found = isPostcode ? communes.communes(postcode: digits) : communes.communes(named: nearText)
        if found.count == 1 || (found.count > 1 && isPostcode) {
            let latitude = found.map(\.latitude).reduce(0, +) / Double(found.count)
            let longitude = found.map(\.longitude).reduce(0, +) / Double(found.count)
            filter.near = GeoPoint(latitude: latitude, longitude: longitude)
        } else if found.count > 1 {
            nearProblem = "directory_near_several"
            nearChoices = found.prefix(12).map { ("\($0.name) (\($0.departement))", "\($0.latitude), \($0.longitude)") }
        } else {
            let key = SearchText.normalise(nearText)
            let points = index.entries.filter {
                SearchText.normalise($0.place.commune) == key || $0.place.postcode == digits
            }.compactMap(\.point)
            if points.isEmpty {
                nearProblem = "directory_near_unknown"
            } else {
                filter.near = GeoPoint(
                    latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
                    longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
            }
        }
    }

    /// The query string for these filters, with a change (another page, one facet set or cleared).
    func query(
        page: Int? = nil, setting facet: DirectoryFilter.Facet? = nil, to value: String? = nil, near: String? = nil
    ) -> String {
        let page = page ?? self.page
        let near = near ?? nearText
        return QueryString.make(
            [("q", filter.query)]
                + DirectoryFilter.Facet.allCases.map { ($0.rawValue, $0 == facet ? value : filter.selected[$0]) } + [
                    ("ouvert", filter.openNow ? "1" : nil), ("pres", near),
                    ("rayon", near.isEmpty || filter.radius == 30 ? nil : String(filter.radius)),
                    ("page", page > 1 ? String(page) : nil),
                ])
    }

    /// The cache key of what these filters show (the near point, not how it was typed).
    var key: String {
        query(page: page) + "|\(filter.near.map { "\($0.latitude),\($0.longitude)" } ?? "")"
    }
}
