import EclairageDomain
import Hummingbird

/// Completing a breach with what was not known at first, and recording the day the CNIL was notified.
extension BreachController {
    /// The breach's form again, filled in, to complete what was not known at first.
    @Sendable static func edit(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let row = try await access.breach(context, services: services)
        return try await renderList(
            access, values: BreachLogPage.values(of: row), errors: FieldErrors(), context: context, services: services,
            editing: row.id)
    }

    @Sendable static func update(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let row = try await access.breach(context, services: services)
        let body = try context.decodeForm(BreachFormBody.self)
        switch Breach.validate(id: row.id, form: body.form, now: services.time.now()) {
        case .failure(let errors):
            return try await renderList(
                access, values: body.values.withoutSecrets(errors), errors: errors, context: context,
                services: services, status: .unprocessableContent, editing: row.id)
        case .success(let breach):
            try await services.database.write {
                try await BreachQueries.update(breach, association: access.associationID, in: $0)
            }
            return redirect(to: .breach(access.associationID, breach: row.id), flash: "breach.updated")
        }
    }

    /// Records the day the CNIL was notified.
    @Sendable static func notified(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "breaches")
        try access.requireEditor()
        let row = try await access.breach(context, services: services)
        let sent = try context.decodeForm(NotifiedForm.self)
        let link = SiteURL.breach(access.associationID, breach: row.id)
        guard let day = Day(iso: sent.notified_on) else {
            return redirect(to: link, flash: "breach.error.notified_day")
        }
        // Past the 72 hours, the notification comes with its reasons (art. 33.1): those sent, or those kept.
        let reasons = SubmittedFields.trimmed(sent.delay_reasons ?? row.delayReasons)
        if row.breach.isLate(notifiedOn: day), reasons.isEmpty {
            return redirect(to: link, flash: "breach.error.delay_reasons")
        }
        let found = try await services.database.transaction { sql -> Bool in
            guard try await BreachQueries.find(row.id, association: access.associationID, in: sql) != nil else {
                return false
            }
            try await BreachQueries.markNotified(
                row.id, association: access.associationID, on: day.iso, delayReasons: reasons, in: sql)
            return true
        }
        guard found else { throw PageError.notFound }
        return redirect(to: link, flash: "breach.notified")
    }
}
