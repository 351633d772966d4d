/// Support bodies' forms, as sent.
struct SupportBodyForm: Decodable {
    @FormText var name: String
    @FormText var departement: String
    @FormText var description: String

    var redisplayed: [String: String] { ["name": name, "departement": departement, "description": description] }
}

struct AdvisorForm: Decodable {
    @FormText var user: String
}

/// The place of the directory a body says it is: its page address or its identifier.
struct PlaceLinkForm: Decodable { @FormText var place: String }
