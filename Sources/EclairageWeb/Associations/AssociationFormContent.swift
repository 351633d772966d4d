import EclairageDomain

/// The choices the association form offers, labelled in the visitor's language.
struct AssociationFormContent: Sendable {
    let form: FormState
    let action: String
    let cancelLink: String
    let departements: [Option]
    let sizes: [Option]
    let staffs: [Option]
    let budgets: [Option]
    let sectors: [Option]
    var returnTo: String? = nil

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    static let order = [
        "name", "rna", "siren", "siret", "postcode", "departement", "size", "staff", "budget", "sector",
    ]

    init(form: FormState, action: SiteURL, cancel: SiteURL, services: AppServices, context: AppRequestContext) {
        self.form = form
        self.action = action.path
        self.cancelLink = cancel.path
        let values = form.values
        func options<B: CaseIterable & RawRepresentable<String>>(_: B.Type, _ field: String) -> [Option] {
            B.allCases.map {
                Option(
                    value: $0.rawValue, label: services.views.text("\(field).\($0.rawValue)", context),
                    selected: values[field] == $0.rawValue)
            }
        }
        departements = services.departements.map {
            Option(value: $0.code, label: "\($0.code) – \($0.name)", selected: values["departement"] == $0.code)
        }
        sizes = options(SizeBand.self, "size")
        staffs = options(StaffBand.self, "staff")
        budgets = options(BudgetBand.self, "budget")
        sectors = options(Sector.self, "sector")
    }
}
