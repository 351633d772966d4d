/// A place of the directory (a "structure" in data·inclusion's words): a digital-inclusion place,
/// a refurbisher, a fablab, a library, a support body… with the fields of the national schema.
/// Lists (services, audiences, e-mails…) keep the schema's exact values.
public struct Place: Sendable, Equatable, Codable {
    public var externalID: String
    public var pivot: String?
    public var name: String
    public var commune: String
    public var postcode: String
    public var insee: String?
    public var address: String
    public var addressExtra: String?
    public var latitude: Double?
    public var longitude: Double?
    public var kinds: [String]
    public var phone: String?
    public var emails: [String]
    public var websites: [String]
    public var openingHours: String?
    public var summary: String?
    public var details: String?
    public var source: String?
    public var parent: String?
    public var updatedOn: String
    public var services: [String]
    public var audiences: [String]
    public var specificSupport: [String]
    public var fees: [String]
    public var itinerance: [String]
    public var accessModes: [String]
    public var supportModes: [String]
    public var accessibilityURL: String?
    public var bookingURL: String?
    public var labels: [String]
    public var otherLabels: [String]
    public var programmes: [String]

    public init(externalID: String, name: String, commune: String, postcode: String, address: String, updatedOn: String)
    {
        self.externalID = externalID
        self.name = name
        self.commune = commune
        self.postcode = postcode
        self.address = address
        self.updatedOn = updatedOn
        kinds = []
        emails = []
        websites = []
        services = []
        audiences = []
        specificSupport = []
        fees = []
        itinerance = []
        accessModes = []
        supportModes = []
        labels = []
        otherLabels = []
        programmes = []
    }

    /// The département, from the INSEE code when there is one, else from the postcode.
    public var departement: String? { Self.departement(insee: insee, postcode: postcode) }

    public static func departement(insee: String?, postcode: String) -> String? {
        let code = insee ?? postcode
        guard code.count == 5 else { return nil }
        if code.hasPrefix("97") { return String(code.prefix(3)) }
        if insee == nil, code.hasPrefix("20") { return Int(code).map { $0 < 20200 ? "2A" : "2B" } }
        return String(code.prefix(2))
    }
}
