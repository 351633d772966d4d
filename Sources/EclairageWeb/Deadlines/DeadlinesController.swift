import EclairageDomain
import Hummingbird

/// The association's deadlines for the year ahead (`Deadlines`), each with where to act: the inventory's
/// asset, the handover's checklist, the register. The inventory's access rule (advisors' reads logged).
enum DeadlinesController {
    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "deadlines")
        let id = access.associationID
        let sources = try await services.database.read { try await DeadlineSources.load([id], in: $0) }
        let today = DateFormatting.parisDay(services.time.now())
        let deadlines = Deadlines.of(sources[id] ?? DeadlineSources.none, today: today)
        let model = DeadlinesPage.Model.make(
            access, deadlines: deadlines, today: today, views: services.views, context: context)
        return services.views.render("deadlines", title: "deadlines.title", content: model, context: context)
    }
}

extension DeadlineSources {
    static let none = DeadlineSources(renewals: [], handovers: [], issuesTaxReceipts: false, registerChangedOn: nil)
}

enum DeadlinesPage {
    struct Model: Sendable {
        struct Item: Sendable {
            let date: String
            let what: String
            let when: String
            let urgent: Bool
            let link: String
            let linkText: String
        }

        let associationName: String
        let associationLink: String
        let items: [Item]

        static func make(
            _ access: InventoryAccess, deadlines: [Deadline], today: Day, views: Views, context: AppRequestContext
        ) -> Self {
            let id = access.associationID
            return Self(
                associationName: access.loaded.association.name, associationLink: SiteURL.association(id).path,
                items: deadlines.map { deadline in
                    let days = deadline.due - today
                    let link: SiteURL =
                        switch deadline.kind {
                        case .renewal: .asset(id, asset: deadline.source)
                        case .declareOfficers: .handover(id)
                        case .taxReceipts, .registerReview: .register(id)
                        }
                    return Item(
                        date: DateFormatting.day(iso: deadline.due.iso, language: context.language),
                        what: views.text(
                            "deadlines.kind.\(deadline.kind.rawValue)", context, ["name": deadline.subject]),
                        when: days < 0
                            ? views.plural("deadlines.past", count: -days, context)
                            : views.plural("deadlines.in", count: days, context),
                        urgent: days <= 30,
                        link: link.path,
                        linkText: views.text("deadlines.act.\(deadline.kind.rawValue)", context))
                })
        }
    }
}
