import EclairageDomain
import Hummingbird

/// One association's page: its profile, members, and the support bodies it lets in.
enum AssociationPageController {
    struct Content: Sendable {
        let association: Association
        let isOwner: Bool
        let isMember: Bool
        let isAdvisor: Bool
        let details: [Detail]
        let members: [Member]
        let grants: [Grant]
        let grantable: [Choice]
        let transferable: [Choice]
        let editLink: String
        let inviteAction: String
        let leaveAction: String
        let transferAction: String
        let accessAction: String
        let invitationLink: String?
        let diagnostics: [DiagnosticItem]
        let savedSteps: [String]
        /// Advisors' recent reads, shown to members.
        let reads: [Read]
        let startDiagnosticAction: String
        /// Anonymous diagnostics started in this browser, which a member can attach here.
        /// Members always; advisors while the association shares its inventory.
        let inventoryLink: String?
        /// "3 points to look at in the inventory", for members.
        let inventoryAlerts: String?
        let deviceDiagnostics: [DeviceDiagnostic]

        struct DeviceDiagnostic: Sendable {
            let date: String
            let link: String
            let attachAction: String
        }
        struct Detail: Sendable {
            let label: String
            let value: String
        }
        struct Member: Sendable {
            let name: String
            let email: String?
            let roleLabel: String
        }
        struct Grant: Sendable {
            let id: String
            let name: String
            let readers: String?
        }
        struct Choice: Sendable {
            let id: String
            let name: String
        }
        struct DiagnosticItem: Sendable {
            let date: String
            let link: String
            let level: String?
        }
        struct Read: Sendable {
            let date: String
            let text: String
        }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let loaded = try await AuthorizedAssociation.load(context, services: services)
        return try await render(
            loaded, invitationLink: nil, device: DeviceDiagnostics.entries(request), context: context,
            services: services)
    }

    static func render(
        _ loaded: AuthorizedAssociation, invitationLink: String?, device: [DeviceDiagnostics.Entry] = [],
        context: AppRequestContext, services: AppServices
    ) async throws -> Response {
        let association = loaded.association
        let (members, grants, readers, bodies, diagnostics, saved, reads, onDevice, shared, assets) =
            try await services.database.read { sql in
                (
                    try await AssociationQueries.members(of: association.id, in: sql),
                    try await SupportBodyQueries.grants(of: association.id, in: sql),
                    try await AdvisorQueries.readers(of: association.id, in: sql),
                    loaded.access.isOwner ? try await SupportBodyQueries.all(in: sql) : [],
                    try await DiagnosticQueries.summaries(of: association.id, in: sql),
                    try await SavedStepQueries.all(of: association.id, in: sql),
                    loaded.access.isMember
                        ? try await AccessLogQueries.recent(of: association.id, limit: 20, in: sql) : [],
                    loaded.access.isMember
                        ? try await DiagnosticQueries.unattached(ids: device.map(\.id), in: sql) : [],
                    try await InventoryQueries.isShared(association.id, in: sql),
                    loaded.access.isMember
                        ? try await InventoryQueries.all(of: association.id, in: sql).map(\.asset) : []
                )
            }
        let views = services.views
        let granted = Set(grants.map(\.id))
        let id = association.id
        let content = Content(
            association: association,
            isOwner: loaded.access.isOwner,
            isMember: loaded.access.isMember,
            isAdvisor: loaded.access == .advisor,
            details: details(association, views: views, context: context),
            members: members.map {
                .init(
                    name: $0.displayName, email: loaded.access.isOwner ? $0.email : nil,
                    roleLabel: views.text("role.\($0.role)", context))
            },
            grants: grants.map { body in
                let names = readers.filter { $0.supportBodyId == body.id }.map(\.displayName)
                return .init(
                    id: body.id, name: body.name,
                    readers: names.isEmpty
                        ? nil
                        : views.text("association.access_readers", context, ["names": names.joined(separator: ", ")]))
            },
            grantable: bodies.filter { !granted.contains($0.id) }.map { .init(id: $0.id, name: $0.name) },
            transferable: members.filter { $0.role != AssociationRole.owner.rawValue }.map {
                .init(id: $0.userId, name: $0.displayName)
            },
            editLink: SiteURL.associationEdit(id).path,
            inviteAction: SiteURL.associationInvite(id).path,
            leaveAction: SiteURL.associationLeave(id).path,
            transferAction: SiteURL.associationTransfer(id).path,
            accessAction: SiteURL.associationAccess(id).path,
            invitationLink: invitationLink,
            diagnostics: diagnostics.map { summary in
                .init(
                    date: DateFormatting.dayAndTime(summary.diagnostic.createdAt, language: context.language),
                    link: SiteURL.diagnosticReport(summary.diagnostic.id).path,
                    level: Report.make(
                        answers: summary.answers, questionnaire: services.questionnaire,
                        stored: summary.diagnostic.storedScores
                    ).level?.rawValue
                )
            },
            savedSteps: saved.map(\.title),
            reads: reads.map {
                .init(
                    date: DateFormatting.day($0.at, language: context.language),
                    text: views.text("access_log.\($0.what)", context, ["name": $0.displayName]))
            },
            startDiagnosticAction: SiteURL.associationDiagnostics(id).path,
            inventoryLink: loaded.access.isMember || shared ? SiteURL.inventory(id).path : nil,
            inventoryAlerts: {
                let count = InventoryAlerts.of(assets, today: DateFormatting.parisDay(services.time.now())).count
                return count == 0 ? nil : views.text("association.inventory_alerts", context, ["n": "\(count)"])
            }(),
            deviceDiagnostics: onDevice.filter { diagnostic in
                device.contains { $0.id == diagnostic.id && TokenHash.of($0.token) == diagnostic.tokenHash }
            }.map {
                .init(
                    date: DateFormatting.dayAndTime($0.createdAt, language: context.language),
                    link: SiteURL.diagnosticReport($0.id).path,
                    attachAction: SiteURL.diagnosticAttach($0.id).path)
            }
        )
        return views.render(
            "association", title: "association.page_title", titleValues: ["name": association.name], content: content,
            context: context)
    }

    private static func details(_ association: Association, views: Views, context: AppRequestContext) -> [Content
        .Detail]
    {
        var details: [Content.Detail] = []
        func add(_ key: String, _ value: String?, translated: Bool = false) {
            guard let value, !value.isEmpty else { return }
            details.append(
                .init(
                    label: views.text("association.field.\(key)", context),
                    value: translated ? views.text("\(key).\(value)", context) : value))
        }
        add("rna", association.rna)
        add("siren", association.siren)
        add("siret", association.siret)
        add("postcode", association.postcode)
        add("departement", association.departement)
        add("size", association.size, translated: true)
        add("staff", association.staff, translated: true)
        add("budget", association.budget, translated: true)
        add("sector", association.sector, translated: true)
        return details
    }
}
