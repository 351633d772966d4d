import EclairageDomain

/// A service as `place_services` stores it.
struct PlaceServiceRow: Codable, Sendable {
    var placeId: String
    var position: Int
    var kind: String
    var theme: String?
    var name: String
    var description: String

    init(placeID: String, position: Int, service: PlaceService) {
        placeId = placeID
        self.position = position
        kind = service.kind.rawValue
        theme = service.theme
        name = service.name
        description = service.description
    }

    var service: PlaceService {
        PlaceService(
            kind: PlaceService.Kind(rawValue: kind) ?? .information, theme: theme, name: name, description: description)
    }
}
