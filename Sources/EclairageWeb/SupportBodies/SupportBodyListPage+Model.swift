import EclairageDomain

/// The public list of vetted support bodies (an advisor also sees their own while it waits for
/// vetting), and the form that creates one.
enum SupportBodyListPage {}

extension SupportBodyListPage {
    struct Model: Sendable {
        let bodies: [Item]
        let newLink = SiteURL.newSupportBody.path
        let directoryLink = SiteURL.directory.path
        let signedIn: Bool
        /// For the administrator and editors: the vetting queue and its length.
        let vettingLink: String?
        struct Item: Sendable {
            let name: String
            let departement: String?
            let description: String
            let link: String?
            let placeLink: String?
            let pending: Bool
        }
    }

    struct FormModel: Sendable {
        let form: FormState
        let action = SiteURL.newSupportBody.path
        let departements: [SelectOption]

        init(_ state: FormState, services: AppServices) {
            form = state
            departements = services.departements.map {
                .init(
                    value: $0.code, label: "\($0.code) – \($0.name)", selected: state.values["departement"] == $0.code)
            }
        }
    }
}

extension SupportBodyListPage.Model {
    static func make(
        vetted: [SupportBody], mine: [SupportBody], places: [DirectoryQueries.BodyPlace], waiting: Int?,
        signedIn: Bool, context: AppRequestContext, services: AppServices
    ) -> Self {
        let mineIDs = Set(mine.map(\.id))
        let vettedIDs = Set(vetted.map(\.id))
        let shown = (vetted + mine.filter { !vettedIDs.contains($0.id) }).sorted { $0.name < $1.name }
        let placeOf = Dictionary(places.map { ($0.supportBodyId, $0.id) }) { a, _ in a }
        return Self(
            bodies: shown.map {
                Item(
                    name: $0.name, departement: $0.departement, description: $0.description,
                    link: mineIDs.contains($0.id) ? SiteURL.supportBody($0.id).path : nil,
                    placeLink: placeOf[$0.id].map { SiteURL.place($0).path }, pending: !$0.isVetted)
            },
            signedIn: signedIn,
            vettingLink: waiting.map { _ in SiteURL.supportBodyVetting.path })
    }
}
