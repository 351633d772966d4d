import EclairageDomain

extension AssociationPage.Model {
    static func make(
        _ query: AssociationPage.Query, loaded: AuthorizedAssociation, invitationLink: String?,
        device: [DeviceDiagnostics.Entry], context: AppRequestContext, services: AppServices
    ) -> Self {
        let views = services.views
        let language = context.language
        let association = loaded.association
        let id = association.id
        let access = loaded.access
        let seesInventory = loaded.seesInventory
        return Self(
            association: association, isOwner: access.isOwner, isMember: access.isMember,
            isAdvisor: access == .advisor, details: details(association, views: views, context: context),
            members: query.members.map {
                .init(
                    name: $0.displayName, email: access.isOwner ? $0.email : nil,
                    roleLabel: views.text("role.\($0.role)", context))
            },
            grants: query.grants.map { grant in
                let names = query.readers.filter { $0.supportBodyId == grant.supportBodyId }.map(\.displayName)
                return .init(
                    name: grant.bodyName,
                    readers: names.isEmpty
                        ? nil
                        : views.text("association.access_readers", context, ["names": names.joined(separator: ", ")]))
            },
            supportLink: access.isMember ? SiteURL.associationSupport(id).path : nil,
            requestsNotice: query.requests == 0
                ? nil : views.plural("association.requests_waiting", count: query.requests, context),
            followLink: SiteURL.associationFollow(id).path, usagesLink: SiteURL.associationUsages(id).path,
            transferable: query.members.filter { $0.role != AssociationRole.owner.rawValue }.map {
                .init(id: $0.userId, name: $0.displayName)
            },
            editLink: SiteURL.associationEdit(id).path, inviteAction: SiteURL.associationInvite(id).path,
            leaveAction: SiteURL.associationLeave(id).path, transferAction: SiteURL.associationTransfer(id).path,
            invitationLink: invitationLink,
            diagnostics: query.diagnostics.map { summary in
                .init(
                    date: DateFormatting.dayAndTime(summary.diagnostic.createdAt, language: language),
                    link: SiteURL.diagnosticReport(summary.diagnostic.id).path,
                    level: services.reports.report(
                        of: summary.diagnostic.id, answers: summary.answers, scores: summary.diagnostic.scores,
                        services: services
                    ).report.level?.rawValue)
            },
            plan: loaded.seesPlan ? plan(query.steps, id: id, context: context, views: views) : nil,
            reads: reads(query.reads, context: context, views: views),
            startDiagnosticAction: SiteURL.associationDiagnostics(id).path,
            inventoryLink: seesInventory ? SiteURL.inventory(id).path : nil,
            documentsLink: seesInventory ? SiteURL.documents(id).path : nil,
            deadlinesLink: seesInventory ? SiteURL.deadlines(id).path : nil,
            inventoryAlerts: {
                let count = InventoryAlerts.of(query.assets, today: DateFormatting.parisDay(services.time.now())).count
                return count == 0 ? nil : views.plural("association.inventory_alerts", count: count, context)
            }(),
            deviceDiagnostics: query.onDevice.filter { diagnostic in
                device.contains { $0.id == diagnostic.id && TokenHash.of($0.token) == diagnostic.tokenHash }
            }.map {
                .init(
                    date: DateFormatting.dayAndTime($0.createdAt, language: language),
                    link: SiteURL.diagnosticReport($0.id).path, attachAction: SiteURL.diagnosticAttach($0.id).path)
            })
    }

    private static func plan(_ steps: [PlanQueries.Step], id: String, context: AppRequestContext, views: Views) -> Plan
    {
        let progress = PlanProgress(steps)
        return Plan(
            link: SiteURL.associationPlan(id).path, progress: progress.text(context, views: views),
            next: progress.open.prefix(5).map(\.title),
            proposals: progress.proposals == 0
                ? nil : views.plural("plan.proposals_waiting", count: progress.proposals, context))
    }

    /// The access log, repeated views grouped: "2 décembre 2026, 10 h 02 – 10 h 40 : Carol (PAVA) a consulté… (3 fois)".
    private static func reads(_ entries: [AccessLogQueries.Entry], context: AppRequestContext, views: Views) -> [Read] {
        let language = context.language
        let lines = AccessLogLine.grouped(
            entries.map {
                .init(
                    person: $0.displayName, body: $0.bodyName, what: $0.what, at: $0.at,
                    day: DateFormatting.parisDay($0.at))
            })
        return lines.prefix(30).map { line in
            let times =
                line.count == 1
                ? DateFormatting.time(line.last, language: language)
                : "\(DateFormatting.time(line.first, language: language)) – \(DateFormatting.time(line.last, language: language))"
            let who = line.body.isEmpty ? line.person : "\(line.person) (\(line.body))"
            var text = views.text("access_log.\(line.what)", context, ["name": who])
            if line.count > 1 { text += " " + views.text("access_log.times", context, ["n": "\(line.count)"]) }
            return Read(date: "\(DateFormatting.day(of: line.day, language: language)), \(times)", text: text)
        }
    }

    private static func details(_ association: Association, views: Views, context: AppRequestContext) -> [Detail] {
        var details: [Detail] = []
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
