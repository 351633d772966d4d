/// A service a place offers (data·inclusion's "service"): what kind of help, on which of the
/// national schema's themes, described in the place's words.
public struct PlaceService: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case accompaniment = "accompagnement", workshop = "atelier", training = "formation"
        case equipment = "materiel", access = "acces", information = "information"
    }

    public var kind: Kind
    /// One of the schema's `services` values, when the service is one of them.
    public var theme: String?
    public var name: String
    public var description: String

    public init(kind: Kind, theme: String?, name: String, description: String = "") {
        self.kind = kind
        self.theme = theme
        self.name = name
        self.description = description
    }

    /// The services a schema row declares: one per value of its `services` column.
    public static func fromSchema(_ themes: [String]) -> [PlaceService] {
        themes.map { theme in
            let plain = SearchText.normalise(theme)
            let kind: Kind =
                if plain.contains("acquisition de materiel") { .equipment } else if plain.hasPrefix("acces internet") {
                    .access
                } else { .accompaniment }
            return PlaceService(kind: kind, theme: theme, name: theme)
        }
    }
}
