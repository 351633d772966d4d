/// The published places, held in memory for searching: text, facets with live counts, "open now"
/// and distance from a point. Rebuilt whenever the directory's version changes.
public struct DirectoryIndex: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let place: Place
        public let departement: String?
        public let point: GeoPoint?
        public let hours: OpeningHours?
        let words: [Substring]
    }

    public let version: Int64
    public let entries: [Entry]
    let positions: [String: Int]

    public init(version: Int64, places: [(id: String, place: Place)]) {
        self.version = version
        entries = places.map { id, place in
            let point = place.latitude.flatMap { lat in place.longitude.map { GeoPoint(latitude: lat, longitude: $0) } }
            let text = [
                place.name, place.commune, place.postcode, place.summary ?? "", place.kinds.joined(separator: " "),
                place.services.joined(separator: " "),
            ]
            return Entry(
                id: id, place: place, departement: place.departement, point: point,
                hours: place.openingHours.map(OpeningHours.init),
                words: SearchText.normalise(text.joined(separator: " ")).split(separator: " ")
            )
        }
        positions = Dictionary(entries.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    public func entry(id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// A match: the entry and, when searching near a point, its distance in kilometres.
    public struct Match: Sendable {
        public let entry: Entry
        public let distance: Double?
    }

    /// The entries matching every filter, nearest first when near a point, else by name.
    public func search(_ filter: DirectoryFilter, day: Day, minute: Int) -> [Match] {
        let tokens = SearchText.tokens(filter.query)
        var matches: [Match] = []
        for entry in entries where filter.matches(entry, tokens: tokens, day: day, minute: minute) {
            if let near = filter.near {
                guard let point = entry.point else { continue }
                let distance = near.distance(to: point)
                if distance <= Double(filter.radius) { matches.append(Match(entry: entry, distance: distance)) }
            } else {
                matches.append(Match(entry: entry, distance: nil))
            }
        }
        if filter.near != nil { matches.sort { ($0.distance ?? 0) < ($1.distance ?? 0) } }
        return matches
    }

    /// For one facet, how many entries each value would give with the other filters kept.
    public func counts(_ facet: DirectoryFilter.Facet, filter: DirectoryFilter, day: Day, minute: Int) -> [String: Int]
    {
        let tokens = SearchText.tokens(filter.query)
        var counts: [String: Int] = [:]
        for entry in entries where filter.matches(entry, tokens: tokens, day: day, minute: minute, ignoring: facet) {
            if let near = filter.near {
                guard let point = entry.point, near.distance(to: point) <= Double(filter.radius) else { continue }
            }
            for value in facet.values(of: entry) { counts[value, default: 0] += 1 }
        }
        return counts
    }
}
