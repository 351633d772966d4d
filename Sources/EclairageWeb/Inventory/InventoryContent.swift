import EclairageDomain

/// The inventory page: alerts first, then the assets by kind.
struct InventoryContent: Sendable {
    let associationName: String
    let associationLink: String
    let canEdit: Bool
    let isOwner: Bool
    let shared: Bool
    let alerts: [AlertView]
    let hasAlerts: Bool
    /// Assets the diagnostic's answers point to and the inventory lacks, with a pre-filled form.
    let suggestions: [LinkView]
    let saveAction: String
    let groups: [Group]
    let isEmpty: Bool
    let newLink: String
    let handoverLink: String
    let registerLink: String
    let breachesLink: String
    let shareAction: String

    struct AlertView: Sendable {
        let text: String
        let reference: String
        let saved: Bool
    }

    struct Group: Sendable {
        let title: String
        let assets: [AssetView]
    }

    struct AssetView: Sendable {
        let name: String
        let editLink: String
        let checkAction: String
        let facts: [String]
        let alerts: [String]
        let hasAlerts: Bool
    }
}

/// The asset form: text fields described once, drawn by one loop.
struct AssetFormContent: Sendable {
    let form: FormState
    let action: String
    let cancelLink: String
    let deleteAction: String?
    let kinds: [Option]
    let owners: [Option]
    let locations: [Option]
    let recoveries: [Option]
    let members: [Option]
    let fields: [Field]
    let recoveryPersonal: Bool
    let refurbished: Bool

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
        let inputID: String
    }

    struct Field: Sendable {
        let name: String
        let label: String
        let hint: String?
        let value: String
        let error: String?
        let type: String
    }

    static let order = [
        "kind", "name", "provider", "owner", "owner_name", "other_holders", "credentials_place", "second_factor",
        "recovery_codes_place", "recovery_asset", "expires_on", "cost", "data_location", "checked_on", "year",
    ]
}
