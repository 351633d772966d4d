/// What a person searches the directory for: words, one value per facet, "open now", near a point.
public struct DirectoryFilter: Sendable, Equatable {
    public enum Facet: String, Sendable, CaseIterable {
        case service, audience = "public", fee = "frais", access = "acces", departement

        /// The schema column whose enumeration lists the facet's values (the département has none).
        public var column: String? {
            switch self {
            case .service: "services"
            case .audience: "publics_specifiquement_adresses"
            case .fee: "frais_a_charge"
            case .access: "modalites_acces"
            case .departement: nil
            }
        }

        func values(of entry: DirectoryIndex.Entry) -> [String] {
            switch self {
            case .service: entry.place.services
            case .audience: entry.place.audiences
            case .fee: entry.place.fees
            case .access: entry.place.accessModes
            case .departement: entry.departement.map { [$0] } ?? []
            }
        }
    }

    public var query = ""
    public var selected: [Facet: String] = [:]
    public var openNow = false
    public var near: GeoPoint?
    /// Kilometres around `near`.
    public var radius = 30

    public init() {}

    func matches(_ entry: DirectoryIndex.Entry, tokens: [String], day: Day, minute: Int, ignoring: Facet? = nil) -> Bool
    {
        for (facet, value) in selected where facet != ignoring {
            if !facet.values(of: entry).contains(value) { return false }
        }
        if openNow, entry.hours?.isOpen(day: day, minute: minute) != true { return false }
        for token in tokens where !entry.words.contains(where: { $0.hasPrefix(token) }) { return false }
        return true
    }
}
