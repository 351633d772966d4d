/// My associations: those I belong to, and those I follow as an advisor.
enum AssociationListPage {}

extension AssociationListPage {
    struct Model: Sendable {
        let followed: [Item]
        let mine: [Item]
        let newLink = SiteURL.newAssociation.path
        let isEmpty: Bool

        struct Item: Sendable {
            let name: String
            let link: String
            let departement: String?
            let roleLabel: String
        }

        init(
            mine: [AssociationQueries.ListedAssociation], followed: [AssociationQueries.ListedAssociation],
            context: AppRequestContext, views: Views
        ) {
            func items(_ rows: [AssociationQueries.ListedAssociation]) -> [Item] {
                rows.map {
                    Item(
                        name: $0.name, link: SiteURL.association($0.id).path, departement: $0.departement,
                        roleLabel: views.text("role.\($0.role)", context))
                }
            }
            self.mine = items(mine)
            self.followed = items(followed)
            isEmpty = mine.isEmpty && followed.isEmpty
        }
    }
}
