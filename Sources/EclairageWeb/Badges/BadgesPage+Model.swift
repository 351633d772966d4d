import EclairageDomain

/// A body's badges, for its advisors: the issuer's profile (what every badge names), its badge classes
/// with their forms to award by e-mail or to a training's attendees, and every award with its state.
enum BadgesPage {}

extension BadgesPage {
    struct Model: Sendable {
        let bodyName: String
        let bodyLink: String
        let hasIssuer: Bool
        let issuerAction: String
        let issuerLink: String
        let issuerForm: FormState
        let classAction: String
        let classForm: FormState
        /// The summary of an award, attendance or revocation form that came back (one at a time).
        let actionForm: FormState
        let frameworks: [SelectOption]
        let classes: [ClassView]
        let hasClasses: Bool
        let awards: [AwardView]
        let hasAwards: Bool
        let earnerLink: String
    }

    struct ClassView: Sendable {
        let name: String
        let description: String
        let jsonLink: String
        let imageLink: String
        let awardAction: String
        let awardField: String
        let awardError: String?
        let awardValue: String?
        let trainingAction: String
        let trainingField: String
        let trainingError: String?
        let trainings: [SelectOption]
        let hasTrainings: Bool
        let awarded: Int
    }

    struct AwardView: Sendable {
        let email: String
        let className: String
        let issued: String
        let revoked: Bool
        let reason: String?
        let pageLink: String
        let revokeAction: String
        let reasonField: String
        let reasonError: String?
        let reissueAction: String
    }

    /// What the page shows after a form came back with errors.
    struct Forms: Sendable {
        var issuerValues: [String: String] = [:]
        var issuerErrors = FieldErrors()
        var issuerMessages: [String: String] = [:]
        var classValues: [String: String] = [:]
        var classErrors = FieldErrors()
        var classMessages: [String: String] = [:]
        /// The class whose award form failed, with its message and what was typed.
        var awardClass: String?
        var awardError: String?
        var awardValue: String?
        var trainingError: String?
        /// The field the award's or revocation's message belongs to (`emails-…`, `training-…`, `reason-…`).
        var actionField: String?
        var revokeAward: String?
        var revokeError: String?
    }

    struct Query: Sendable {
        let body: SupportBody
        let issuer: BadgeIssuerRow?
        let classes: [BadgeClassRow]
        let awards: [BadgeAwardRow]
        let trainings: [TrainingRow]

        static func load(_ body: SupportBody, services: AppServices) async throws -> Query {
            try await services.database.read { sql in
                Query(
                    body: body, issuer: try await BadgeQueries.issuer(body.id, in: sql),
                    classes: try await BadgeQueries.classes(of: body.id, in: sql),
                    awards: try await BadgeQueries.awards(of: body.id, in: sql),
                    trainings: try await BadgeQueries.trainings(of: body.id, in: sql))
            }
        }
    }
}

extension BadgesPage.Model {
    static func make(
        _ query: BadgesPage.Query, forms: BadgesPage.Forms, context: AppRequestContext, services: AppServices
    ) -> Self {
        let views = services.views
        let body = query.body
        var issuerValues = forms.issuerValues
        if issuerValues.isEmpty, let issuer = query.issuer {
            issuerValues = ["name": issuer.name, "url": issuer.url, "email": issuer.email]
        }
        let issuerForm = FormState(
            values: issuerValues, errors: forms.issuerErrors, messages: forms.issuerMessages,
            order: ["name", "url", "email", "image"], views: views, context: context)
        let classForm = FormState(
            values: forms.classValues, errors: forms.classErrors, messages: forms.classMessages,
            order: ["class_name", "description", "criteria", "class_image", "framework", "target_name", "target_url"],
            views: views, context: context)
        let names = Dictionary(query.classes.map { ($0.id, $0.name) }) { a, _ in a }
        let counts = Dictionary(grouping: query.awards.filter { $0.revokedAt == nil }, by: \.badgeClassId)
            .mapValues(\.count)
        let chosenFramework = forms.classValues["framework"] ?? ""
        return Self(
            bodyName: body.name, bodyLink: SiteURL.supportBody(body.id).path, hasIssuer: query.issuer != nil,
            issuerAction: SiteURL.supportBodyBadgeIssuer(body.id).path, issuerLink: SiteURL.badgeIssuer(body.id).path,
            issuerForm: issuerForm, classAction: SiteURL.supportBodyBadgeClasses(body.id).path, classForm: classForm,
            actionForm: actionForm(forms),
            frameworks: ([""] + BadgeForms.frameworks).map {
                SelectOption(
                    value: $0, label: views.text("badges.framework.\($0.isEmpty ? "none" : $0)", context),
                    selected: $0 == chosenFramework)
            },
            classes: query.classes.map { row in
                let failed = forms.awardClass == row.id
                return BadgesPage.ClassView(
                    name: row.name, description: row.description, jsonLink: SiteURL.badgeClass(row.id).path,
                    imageLink: SiteURL.badgeClassImage(row.id).path, awardAction: SiteURL.badgeAward(row.id).path,
                    awardField: "emails-\(row.id)", awardError: failed ? forms.awardError : nil,
                    awardValue: failed ? forms.awardValue : nil,
                    trainingAction: SiteURL.badgeAwardTraining(row.id).path, trainingField: "training-\(row.id)",
                    trainingError: failed ? forms.trainingError : nil,
                    trainings: query.trainings.map { SelectOption(value: $0.id, label: $0.title, selected: false) },
                    hasTrainings: !query.trainings.isEmpty, awarded: counts[row.id] ?? 0)
            },
            hasClasses: !query.classes.isEmpty,
            awards: query.awards.map { award in
                BadgesPage.AwardView(
                    email: award.email, className: names[award.badgeClassId] ?? "",
                    issued: BadgeDates.day(award.issuedAt, language: context.language),
                    revoked: award.revokedAt != nil, reason: award.revocationReason,
                    pageLink: SiteURL.badgePage(award.id).path, revokeAction: SiteURL.badgeRevoke(award.id).path,
                    reasonField: "reason-\(award.id)",
                    reasonError: forms.revokeAward == award.id ? forms.revokeError : nil,
                    reissueAction: SiteURL.badgeReissue(award.id).path)
            },
            hasAwards: !query.awards.isEmpty, earnerLink: SiteURL.earnerBadges.path)
    }

    static func actionForm(_ forms: BadgesPage.Forms) -> FormState {
        guard let field = forms.actionField,
            let message = forms.awardError ?? forms.trainingError ?? forms.revokeError
        else { return .empty }
        return FormState(values: [:], errors: [field: message], errorList: [.init(field: field, message: message)])
    }
}
