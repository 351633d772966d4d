import EclairageDomain
import Hummingbird

/// The administrator and editors vet support bodies: vetted, associations find them and can grant
/// them access; refused (with the reason), they stay visible to their own advisors only. Either way
/// the body's advisors are told by mail.
enum VettingController {
    @Sendable static func queue(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        return try await render(form: .empty, failedID: nil, context: context, services: services)
    }

    private static func render(
        form: FormState, failedID: String?, context: AppRequestContext, services: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (bodies, advisors, grants) = try await services.database.read { sql in
            let bodies = try await SupportBodyQueries.waiting(in: sql)
            return (
                bodies, try await AdvisorQueries.names(of: bodies.map(\.id), in: sql),
                try await SupportBodyQueries.grantCounts(of: bodies.map(\.id), in: sql)
            )
        }
        let model = VettingPage.Model.make(
            bodies, advisors: advisors, grants: grants, form: form, failedID: failedID, context: context,
            services: services)
        return services.views.render(
            "vetting", title: "vetting.title", content: model, context: context, status: status)
    }

    @Sendable static func decide(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let form = try context.decodeForm(VettingForm.self)
        let note = SubmittedFields.trimmed(form.note)
        var errors = FieldErrors()
        let decision = SupportBody.Vetting(rawValue: form.decision).flatMap { $0 == .pending ? nil : $0 }
        if decision == nil { errors["decision"] = "vetting.error.decision" }
        if decision == .refused, note.isEmpty { errors["note"] = "vetting.error.note_required" }
        SubmittedFields.checkText(
            note, field: "note", maxLength: 1000, tooLong: "vetting.error.note_too_long", into: &errors)
        guard let decision, errors.isEmpty else {
            let state = FormState(
                values: ["note": form.note], errors: errors, order: ["decision", "note"], views: services.views,
                context: context)
            return try await render(
                form: state, failedID: id, context: context, services: services, status: .unprocessableContent)
        }
        let found = try await services.database.transaction { sql -> (SupportBody, [AdvisorQueries.Advisor])? in
            guard let body = try await SupportBodyQueries.find(id: id, in: sql) else { return nil }
            try await SupportBodyQueries.setVetting(id: id, to: decision, note: note, now: services.time.now(), in: sql)
            return (body, try await AdvisorQueries.advisors(of: id, in: sql))
        }
        guard let (body, advisors) = found else { throw PageError.notFound }
        try await services.mail(
            advisors.map(\.email), subject: "vetting.mail_subject.\(decision.rawValue)",
            body: "vetting.mail_body.\(decision.rawValue)",
            values: ["body": body.name, "note": note, "link": services.absoluteURL(.supportBody(id))], context: context)
        return redirect(to: .supportBodyVetting, flash: "vetting.done.\(decision.rawValue)")
    }
}
