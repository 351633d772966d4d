import EclairageDomain

/// The association form (creating or editing): the choices it offers, labelled in the visitor's language.
enum AssociationFormPage {}

extension AssociationFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let cancelLink: String
        let departements: [SelectOption]
        let sizes: [SelectOption]
        let staffs: [SelectOption]
        let budgets: [SelectOption]
        let sectors: [SelectOption]
        var returnTo: String? = nil

        static let order = [
            "name", "rna", "siren", "siret", "postcode", "departement", "size", "staff", "budget", "sector",
        ]

        init(form: FormState, action: SiteURL, cancel: SiteURL, services: AppServices, context: AppRequestContext) {
            self.form = form
            self.action = action.path
            self.cancelLink = cancel.path
            let values = form.values
            func options<B: CaseIterable & RawRepresentable<String>>(_: B.Type, _ field: String) -> [SelectOption] {
                B.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: services.views.text("\(field).\($0.rawValue)", context),
                        selected: values[field] == $0.rawValue)
                }
            }
            departements = services.departements.map {
                SelectOption(
                    value: $0.code, label: "\($0.code) – \($0.name)", selected: values["departement"] == $0.code)
            }
            sizes = options(SizeBand.self, "size")
            staffs = options(StaffBand.self, "staff")
            budgets = options(BudgetBand.self, "budget")
            sectors = options(Sector.self, "sector")
        }
    }
}
