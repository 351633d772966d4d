import EclairageDomain
import Foundation
import Hummingbird

/// The breach log (GDPR art. 33.5) and, for each breach, the 72-hour clock, the triage and the drafts
/// of the notification to the CNIL (art. 33.3) and of the letter to the people concerned (art. 34).
enum BreachController {
    struct ListContent: Sendable {
        let associationName: String
        let inventoryLink: String
        let canEdit: Bool
        let breaches: [LinkView]
        let form: FormState
        let action: String
        let fields: [AssetFormPage.Model.Field]
        let risks: [RiskOption]
        let discovered: String
        /// Editing one breach: its page to go back to.
        let editing: String?
    }

    struct RiskOption: Sendable {
        let value: String
        let label: String
        let help: String
        let selected: Bool
        let inputID: String
    }

    struct ShowContent: Sendable {
        let associationName: String
        let listLink: String
        let canEdit: Bool
        let discovered: String
        let clock: String
        let isLate: Bool
        let triage: String
        let facts: [RegisterController.Row]
        let cnilDraft: String?
        let peopleDraft: String?
        let notified: String?
        let notifyAction: String
        let today: String
        let editLink: String
    }

    static let textFields = ["nature", "people", "records", "consequences", "measures", "contact"]

    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        return try await renderList(access, values: [:], errors: FieldErrors(), context: context, services: services)
    }

    static func renderList(
        _ access: InventoryAccess, values: [String: String], errors: FieldErrors, context: AppRequestContext,
        services: AppServices,
        status: HTTPResponse.Status = .ok, editing: String? = nil
    ) async throws -> Response {
        let id = access.associationID
        let rows = try await services.database.read { try await BreachQueries.all(of: id, in: $0) }
        let views = services.views
        let form = FormState(
            values: values, errors: errors, order: ["discovered"] + textFields + ["risk"], views: views,
            context: context)
        let content = ListContent(
            associationName: access.loaded.association.name, inventoryLink: SiteURL.inventory(id).path,
            canEdit: access.canEdit,
            breaches: rows.map { row in
                LinkView(
                    title: views.text(
                        "breach.item", context,
                        [
                            "date": DateFormatting.dayAndTime(row.discoveredAt, language: context.language),
                            "nature": row.nature,
                            "risk": views.text("breach.risk.\(row.risk)", context),
                        ]), link: SiteURL.breach(id, breach: row.id).path)
            },
            form: form, action: editing.map { SiteURL.breachEdit(id, breach: $0).path } ?? SiteURL.breaches(id).path,
            fields: textFields.map { name in
                .init(
                    name: name, label: views.text("breach.field.\(name)", context),
                    hint: views.text("breach.hint.\(name)", context),
                    value: form.values[name] ?? "", error: form.errors[name], type: "text")
            },
            risks: Breach.Risk.allCases.map {
                .init(
                    value: $0.rawValue, label: views.text("breach.risk.\($0.rawValue)", context),
                    help: views.text("breach.risk_help.\($0.rawValue)", context),
                    selected: values["risk"] == $0.rawValue, inputID: "risk--\($0.rawValue)")
            },
            discovered: values["discovered"] ?? "", editing: editing.map { SiteURL.breach(id, breach: $0).path }
        )
        return views.render(
            "breaches", title: editing == nil ? "breach.list_title" : "breach.edit_title", content: content,
            context: context, status: status)
    }

    @Sendable static func create(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let body = try context.decodeForm(BreachFormBody.self)
        let values = body.values
        let now = services.time.now()
        let breachID = services.tokens.identifier()
        switch Breach.validate(id: breachID, form: body.form, now: now) {
        case .failure(let errors):
            return try await renderList(
                access, values: values.withoutSecrets(errors), errors: errors, context: context, services: services,
                status: .unprocessableContent)
        case .success(let breach):
            let row = BreachQueries.BreachRow(
                id: breach.id, associationId: access.associationID, discoveredAt: breach.discoveredAt,
                nature: breach.nature, people: breach.people,
                records: breach.records, consequences: breach.consequences, measures: breach.measures,
                contact: breach.contact, risk: breach.risk.rawValue,
                notifiedOn: nil, recordedBy: access.loaded.user.displayName, createdAt: now
            )
            try await services.database.write { try await BreachQueries.insert(row, in: $0) }
            return redirect(to: .breach(access.associationID, breach: breach.id), flash: "breach.recorded")
        }
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        let id = access.associationID
        let breachID = try context.parameters.require("breach")
        guard
            let row = try await services.database.read({
                try await BreachQueries.find(breachID, association: id, in: $0)
            })
        else { throw PageError.notFound }
        let breach = row.breach
        let views = services.views
        let now = services.time.now()
        let hours = breach.hoursLeft(now: now)
        let deadline = DateFormatting.dayAndTime(breach.deadline, language: context.language)
        let clock: String =
            if !breach.risk.notifiesAuthority {
                views.text("breach.clock_not_needed", context)
            } else if breach.notifiedOn != nil {
                views.text("breach.clock_done", context, ["date": breach.notifiedOn ?? ""])
            } else if hours >= 0 {
                views.text("breach.clock_left", context, ["hours": "\(hours)", "deadline": deadline])
            } else { views.text("breach.clock_late", context, ["hours": "\(-hours)", "deadline": deadline]) }
        let values = [
            "association": access.loaded.association.name,
            "discovered": DateFormatting.dayAndTime(breach.discoveredAt, language: context.language),
            "nature": breach.nature, "people": breach.people, "records": breach.records,
            "consequences": breach.consequences,
            "measures": breach.measures, "contact": breach.contact,
        ].mapValues { $0.isEmpty ? views.text("breach.to_complete", context) : $0 }
        let content = ShowContent(
            associationName: access.loaded.association.name, listLink: SiteURL.breaches(id).path,
            canEdit: access.canEdit,
            discovered: values["discovered"] ?? "", clock: clock,
            isLate: breach.risk.notifiesAuthority && breach.notifiedOn == nil && hours < 0,
            triage: views.text("breach.triage.\(breach.risk.rawValue)", context),
            facts: textFields.map { .init(label: views.text("breach.field.\($0)", context), value: values[$0] ?? "") },
            cnilDraft: breach.risk.notifiesAuthority ? views.text("breach.draft_cnil", context, values) : nil,
            peopleDraft: breach.risk.informsPeople ? views.text("breach.draft_people", context, values) : nil,
            notified: breach.notifiedOn, notifyAction: SiteURL.breach(id, breach: breach.id).path,
            today: DateFormatting.parisDay(now).iso,
            editLink: SiteURL.breachEdit(id, breach: breach.id).path
        )
        return views.render("breach", title: "breach.show_title", content: content, context: context)
    }

    /// The breach's form again, filled in, to complete what was not known at first.
    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let row = try await find(access, context: context, services: services)
        let values = [
            "discovered": DateFormatting.localInput(Date(timeIntervalSince1970: TimeInterval(row.discoveredAt))),
            "nature": row.nature, "people": row.people,
            "records": row.records, "consequences": row.consequences, "measures": row.measures, "contact": row.contact,
            "risk": row.risk,
        ]
        return try await renderList(
            access, values: values, errors: FieldErrors(), context: context, services: services, editing: row.id)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let row = try await find(access, context: context, services: services)
        let body = try context.decodeForm(BreachFormBody.self)
        let values = body.values
        switch Breach.validate(id: row.id, form: body.form, now: services.time.now()) {
        case .failure(let errors):
            return try await renderList(
                access, values: values.withoutSecrets(errors), errors: errors, context: context, services: services,
                status: .unprocessableContent, editing: row.id)
        case .success(let breach):
            try await services.database.write {
                try await BreachQueries.update(breach, association: access.associationID, in: $0)
            }
            return redirect(to: .breach(access.associationID, breach: row.id), flash: "breach.updated")
        }
    }

    static func find(_ access: InventoryAccess, context: AppRequestContext, services: AppServices) async throws
        -> BreachQueries.BreachRow
    {
        let breachID = try context.parameters.require("breach")
        guard
            let row = try await services.database.read({
                try await BreachQueries.find(breachID, association: access.associationID, in: $0)
            })
        else { throw PageError.notFound }
        return row
    }

    /// Records the day the CNIL was notified.
    @Sendable static func notified(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let breachID = try context.parameters.require("breach")
        let day = try context.decodeForm(NotifiedForm.self).notified_on
        guard Day(iso: day) != nil else {
            return redirect(to: .breach(access.associationID, breach: breachID), flash: "breach.error.notified_day")
        }
        let found = try await services.database.transaction { sql -> Bool in
            guard try await BreachQueries.find(breachID, association: access.associationID, in: sql) != nil else {
                return false
            }
            try await BreachQueries.markNotified(breachID, association: access.associationID, on: day, in: sql)
            return true
        }
        guard found else { throw PageError.notFound }
        return redirect(to: .breach(access.associationID, breach: breachID), flash: "breach.notified")
    }
}

struct NotifiedForm: Decodable {
    @FormText var notified_on: String
}
