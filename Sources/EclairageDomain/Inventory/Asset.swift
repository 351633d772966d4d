/// One digital asset of an association: what it is, whose identity owns it, who can get in, where
/// the way in is kept (never the secret itself), and what it depends on to be recovered.
public struct Asset: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case domain, hosting, mailbox, social, service, bank, equipment
    }

    public enum Owner: String, Sendable, Codable, CaseIterable {
        /// In the association's name, paid by it.
        case association
        /// A person's own account or name.
        case person
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var provider: String
    public var owner: Owner
    /// Who, when the owner is a person.
    public var ownerName: String
    /// People who can get in: members (by display name) and named people without an account.
    public var holders: [String]
    public var credentialsPlace: String
    public var secondFactor: String
    public var recoveryCodesPlace: String
    /// The asset its recovery goes through (a mailbox, which goes through a domain…).
    public var recoveryAssetID: String?
    /// Recovery through an address that is a person's own (not an asset of the association).
    public var recoveryPersonal: Bool
    /// ISO day, for domains, subscriptions and anything that lapses.
    public var expiresOn: String?
    public var cost: String
    public var dataLocation: String?
    public var checkedOn: String?
    /// ISO day the asset was entered in the inventory: the person who entered it saw it that day, so it
    /// is not "to check" before a year has passed (nil for an asset not saved yet).
    public var enteredOn: String?
    /// Equipment: year bought, and whether refurbished.
    public var year: Int?
    public var refurbished: Bool

    public init(
        id: String, kind: Kind, name: String, provider: String = "", owner: Owner = .association,
        ownerName: String = "",
        holders: [String] = [], credentialsPlace: String = "", secondFactor: String = "",
        recoveryCodesPlace: String = "",
        recoveryAssetID: String? = nil, recoveryPersonal: Bool = false, expiresOn: String? = nil, cost: String = "",
        dataLocation: String? = nil, checkedOn: String? = nil, enteredOn: String? = nil, year: Int? = nil,
        refurbished: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.provider = provider
        self.owner = owner
        self.ownerName = ownerName
        self.holders = holders
        self.credentialsPlace = credentialsPlace
        self.secondFactor = secondFactor
        self.recoveryCodesPlace = recoveryCodesPlace
        self.recoveryAssetID = recoveryAssetID
        self.recoveryPersonal = recoveryPersonal
        self.expiresOn = expiresOn
        self.cost = cost
        self.dataLocation = dataLocation
        self.checkedOn = checkedOn
        self.enteredOn = enteredOn
        self.year = year
        self.refurbished = refurbished
    }
}
