import EclairageDomain
import Hummingbird

/// Awards by a body's advisors: to addresses typed one a line, to the people marked present at a
/// training, a revocation with its reason, a new award after a revocation. An editor assigns a
/// training to a body.
enum BadgeAwardController {
    struct AssignForm: Decodable { @FormText var support_body: String }

    static func failed(
        _ body: SupportBody, badgeClass: String, error: String, value: String? = nil, training: Bool = false,
        context: AppRequestContext, services: AppServices
    ) async throws -> Response {
        var forms = BadgesPage.Forms()
        forms.awardClass = badgeClass
        forms.actionField = (training ? "training-" : "emails-") + badgeClass
        if training { forms.trainingError = error } else { forms.awardError = error }
        forms.awardValue = value
        return try await BadgesController.render(
            body, forms: forms, context: context, services: services, status: .unprocessableContent)
    }

    @Sendable static func award(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (body, badgeClass) = try await BadgeAccess.badgeClass(
            try context.parameters.require("id"), context: context, services: services)
        let typed = context.form["emails-\(badgeClass.id)"] ?? ""
        let (valid, invalid) = BadgeForms.recipients(typed)
        guard invalid.isEmpty, !valid.isEmpty else {
            let error =
                invalid.isEmpty
                ? services.views.text("badges.award_none", context)
                : services.views.text("badges.award_invalid", context, ["addresses": invalid.joined(separator: ", ")])
            return try await failed(
                body, badgeClass: badgeClass.id, error: error, value: typed, context: context, services: services)
        }
        let user = try context.requireUser()
        let now = services.time.now()
        try await services.database.transaction { sql in
            _ = try await BadgeAwards.make(
                valid, badgeClass: badgeClass, training: nil, by: user.id, now: now, services: services,
                in: sql)
        }
        return redirect(to: .supportBodyBadges(body.id), flash: "badges.awarded")
    }

    /// Everyone marked present at a session of the training, except those who already hold this badge.
    @Sendable static func awardTraining(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        let (body, badgeClass) = try await BadgeAccess.badgeClass(
            try context.parameters.require("id"), context: context, services: services)
        let training = context.form["training-\(badgeClass.id)"] ?? ""
        let user = try context.requireUser()
        let now = services.time.now()
        let made: Int? = try await services.database.transaction { sql in
            guard try await BadgeQueries.trainings(of: body.id, in: sql).contains(where: { $0.id == training }) else {
                return nil
            }
            let holders = Set(
                try await BadgeQueries.awards(of: body.id, in: sql).filter {
                    $0.badgeClassId == badgeClass.id && $0.revokedAt == nil
                }.map(\.email))
            let emails = try await BadgeQueries.attendees(of: training, in: sql).map(EmailAddress.normalise)
            let fresh = Array(Set(emails).subtracting(holders)).sorted()
            return try await BadgeAwards.make(
                fresh, badgeClass: badgeClass, training: training, by: user.id, now: now, services: services,
                in: sql
            ).count
        }
        guard let made else {
            return try await failed(
                body, badgeClass: badgeClass.id, error: services.views.text("badges.training_unknown", context),
                training: true, context: context, services: services)
        }
        guard made > 0 else {
            return try await failed(
                body, badgeClass: badgeClass.id, error: services.views.text("badges.training_nobody", context),
                training: true, context: context, services: services)
        }
        return redirect(
            to: .supportBodyBadges(body.id), flash: made == 1 ? "badges.awarded_one" : "badges.awarded_many")
    }

    @Sendable static func revoke(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (body, _, award) = try await BadgeAccess.award(
            try context.parameters.require("id"), context: context, services: services)
        let reason = SubmittedFields.trimmed(context.form["reason-\(award.id)"] ?? "")
        guard !reason.isEmpty, reason.count <= 500 else {
            var forms = BadgesPage.Forms()
            forms.revokeAward = award.id
            forms.revokeError = services.views.text("badges.reason_needed", context)
            forms.actionField = "reason-\(award.id)"
            return try await BadgesController.render(
                body, forms: forms, context: context, services: services, status: .unprocessableContent)
        }
        let now = services.time.now()
        try await services.database.transaction {
            try await BadgeQueries.revoke(award.id, reason: reason, now: now, in: $0)
        }
        return redirect(to: .supportBodyBadges(body.id), flash: "badges.revoked")
    }

    /// A revoked award made again to the same address (new assertion, new address, new salt).
    @Sendable static func reissue(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (body, badgeClass, award) = try await BadgeAccess.award(
            try context.parameters.require("id"), context: context, services: services)
        guard award.revokedAt != nil else {
            throw PageError(status: .conflict, messageKey: "badges.reissue_not_revoked")
        }
        let user = try context.requireUser()
        let now = services.time.now()
        try await services.database.transaction { sql in
            _ = try await BadgeAwards.make(
                [award.email], badgeClass: badgeClass, training: award.trainingId, by: user.id, now: now,
                services: services, in: sql)
        }
        return redirect(to: .supportBodyBadges(body.id), flash: "badges.reissued")
    }

    /// An editor gives a training's awards to a vetted body (a training of a place no body runs).
    @Sendable static func assignTraining(_ request: Request, context: AppRequestContext, services: AppServices)
        async throws -> Response
    {
        _ = try context.requireEditor()
        let trainingID = try context.parameters.require("id")
        let bodyID = try context.decodeForm(AssignForm.self).support_body
        try await services.database.transaction { sql in
            guard try await CalendarQueries.training(trainingID, in: sql) != nil else { throw PageError.notFound }
            guard let body = try await SupportBodyQueries.find(id: bodyID, in: sql), body.isVetted else {
                throw PageError(status: .unprocessableContent, messageKey: "badges.assign_unknown")
            }
            try await BadgeQueries.assign(training: trainingID, to: body.id, in: sql)
        }
        return redirect(to: .training(trainingID), flash: "badges.assigned")
    }
}
