/// My associations: those I belong to, those I follow as an advisor, and the next sessions I organise
/// (the page one lands on after signing in: an organiser goes from there to the day's sign-in list).
enum AssociationListPage {}

extension AssociationListPage {
    struct Model: Sendable {
        let followed: [Item]
        let mine: [Item]
        let sessions: [Session]
        let newLink = SiteURL.newAssociation.path
        let isEmpty: Bool

        struct Item: Sendable {
            let name: String
            let link: String
            let departement: String?
            let roleLabel: String
        }

        /// A session I organise: its day and time in words, and the link to its registrants and attendance.
        struct Session: Sendable {
            let title: String
            let when: String
            let link: String
        }

        init(
            mine: [AssociationQueries.ListedAssociation], followed: [AssociationQueries.ListedAssociation],
            sessions: [OrganisedSessionQueries.Upcoming], context: AppRequestContext, views: Views
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
            self.sessions = sessions.map {
                Session(
                    title: $0.title, when: DateFormatting.weekdayAndTime($0.startsAt, language: context.language),
                    link: SiteURL.sessionRegistrants($0.id).path)
            }
            isEmpty = mine.isEmpty && followed.isEmpty
        }
    }
}
