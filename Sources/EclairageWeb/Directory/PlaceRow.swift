import EclairageDomain

/// A place as the `places` table stores it (lists joined with `|`, as in the national schema).
struct PlaceRow: Codable, Sendable, Equatable {
    var id: String
    var externalId: String?
    var status: String
    var name: String
    var pivot: String?
    var commune: String
    var postcode: String
    var insee: String?
    var departement: String?
    var address: String
    var addressExtra: String?
    var latitude: Double?
    var longitude: Double?
    var kinds: String
    var phone: String?
    var emails: String
    var websites: String
    var openingHours: String?
    var summary: String?
    var details: String?
    var source: String?
    var parent: String?
    var updatedOn: String
    var services: String
    var audiences: String
    var specificSupport: String
    var fees: String
    var itinerance: String
    var accessModes: String
    var supportModes: String
    var accessibilityUrl: String?
    var bookingUrl: String?
    var labels: String
    var otherLabels: String
    var programmes: String
    var supportBodyId: String?
    var createdAt: Int64
    var updatedAt: Int64

    static let published = "published"
    static let proposed = "proposed"
    /// Merged into another place (a duplicate): kept, hidden, with its history.
    static let merged = "merged"

    init(id: String, place: Place, status: String, supportBodyID: String? = nil, createdAt: Int64, updatedAt: Int64) {
        func join(_ list: [String]) -> String { list.joined(separator: "|") }
        self.id = id
        externalId = place.externalID.isEmpty ? nil : place.externalID
        self.status = status
        name = place.name
        pivot = place.pivot
        commune = place.commune
        postcode = place.postcode
        insee = place.insee
        departement = place.departement
        address = place.address
        addressExtra = place.addressExtra
        latitude = place.latitude
        longitude = place.longitude
        kinds = join(place.kinds)
        phone = place.phone
        emails = join(place.emails)
        websites = join(place.websites)
        openingHours = place.openingHours
        summary = place.summary
        details = place.details
        source = place.source
        parent = place.parent
        updatedOn = place.updatedOn
        services = join(place.services)
        audiences = join(place.audiences)
        specificSupport = join(place.specificSupport)
        fees = join(place.fees)
        itinerance = join(place.itinerance)
        accessModes = join(place.accessModes)
        supportModes = join(place.supportModes)
        accessibilityUrl = place.accessibilityURL
        bookingUrl = place.bookingURL
        labels = join(place.labels)
        otherLabels = join(place.otherLabels)
        programmes = join(place.programmes)
        supportBodyId = supportBodyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    var place: Place {
        func split(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: "|") }
        var place = Place(
            externalID: externalId ?? id, name: name, commune: commune, postcode: postcode, address: address,
            updatedOn: updatedOn)
        place.pivot = pivot
        place.insee = insee
        place.addressExtra = addressExtra
        place.latitude = latitude
        place.longitude = longitude
        place.kinds = split(kinds)
        place.phone = phone
        place.emails = split(emails)
        place.websites = split(websites)
        place.openingHours = openingHours
        place.summary = summary
        place.details = details
        place.source = source
        place.parent = parent
        place.services = split(services)
        place.audiences = split(audiences)
        place.specificSupport = split(specificSupport)
        place.fees = split(fees)
        place.itinerance = split(itinerance)
        place.accessModes = split(accessModes)
        place.supportModes = split(supportModes)
        place.accessibilityURL = accessibilityUrl
        place.bookingURL = bookingUrl
        place.labels = split(labels)
        place.otherLabels = split(otherLabels)
        place.programmes = split(programmes)
        return place
    }
}
