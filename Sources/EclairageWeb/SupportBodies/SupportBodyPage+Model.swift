import EclairageDomain

/// A support body's page for its advisors: the dashboard of the associations that let it in, sorted by
/// what needs attention, asking an association for access, the body's place in the directory, its team.
enum SupportBodyPage {}

extension SupportBodyPage {
    struct Model: Sendable {
        let body: SupportBody
        /// Why associations cannot find the body yet (pending or refused vetting), nil once vetted.
        let vettingNotice: String?
        let followed: [Followed]
        let activityLink: String
        /// The body's badges (issuing is for vetted bodies: the link shows once vetted).
        let badgesLink: String?
        let pendingRequests: String?
        let requestAction: String
        let requestForm: FormState
        let advisors: [Advisor]
        let inviteAction: String
        let removeAction: String
        let form: FormState
        let invitationLink: String?
        let place: LinkView?
        let placeAction: String
        let placeError: String?

        struct Followed: Sendable {
            let name: String
            let link: String
            let followLink: String
            let isNew: Bool
            let diagnostic: String?
            /// Each theme's score with its change since the previous diagnostic, in one line
            /// ("Fichiers 55 (+15) · Messagerie 52 (−8)"): 200 associations make a page, not 2,000 items.
            let trends: String?
            let steps: String
            let overdue: String?
            let lastContact: String
            let reasons: [String]
        }
        struct Advisor: Sendable {
            let id: String
            let displayName: String
            let email: String
            let isMe: Bool
        }
    }
}

extension SupportBodyPage.Model {
    struct Forms {
        var invite: FormState = .empty
        var request: FormState = .empty
        var invitationLink: String? = nil
        var placeError: String? = nil
    }

    static func make(
        _ query: SupportBodyPage.Query, userID: String, today: Day, forms: Forms, context: AppRequestContext,
        services: AppServices
    ) -> Self {
        let views = services.views
        let body = query.body
        let id = body.id
        let vettingNotice: String? =
            switch SupportBody.Vetting(rawValue: body.vetting) ?? .pending {
            case .vetted: nil
            case .pending: views.text("vetting.pending_notice", context)
            case .refused: views.text("vetting.refused_notice", context, ["note": body.vettingNote])
            }
        return Self(
            body: body, vettingNotice: vettingNotice,
            followed: query.followed(today: today).map {
                followed(of: $0, today: today, context: context, views: views)
            },
            activityLink: SiteURL.supportBodyActivity(id).path,
            badgesLink: body.isVetted ? SiteURL.supportBodyBadges(id).path : nil,
            pendingRequests: query.pendingRequests == 0
                ? nil : views.plural("dashboard.pending_requests", count: query.pendingRequests, context),
            requestAction: SiteURL.supportBodyRequests(id).path, requestForm: forms.request,
            advisors: query.advisors.map {
                .init(id: $0.userId, displayName: $0.displayName, email: $0.email, isMe: $0.userId == userID)
            },
            inviteAction: SiteURL.supportBodyAdvisors(id).path, removeAction: SiteURL.supportBodyAdvisorRemove(id).path,
            form: forms.invite, invitationLink: forms.invitationLink,
            place: query.places.first.map { LinkView(title: $0.name, link: SiteURL.place($0.id).path) },
            placeAction: SiteURL.supportBodyPlace(id).path, placeError: forms.placeError)
    }

    private static func followed(of item: FollowedAssociation, today: Day, context: AppRequestContext, views: Views)
        -> Followed
    {
        let trends = item.latest.map { ThemeTrend.between(latest: $0, previous: item.previous) } ?? []
        return Followed(
            name: item.name, link: SiteURL.association(item.id).path,
            followLink: SiteURL.associationFollow(item.id).path,
            isNew: item.unseenRequest,
            diagnostic: item.latest?.overall.map {
                views.text("dashboard.level", context, ["level": Level.of(score: $0).rawValue, "score": "\($0)"])
            },
            trends: trends.isEmpty
                ? nil
                : trends.map { trend in
                    let change: String =
                        switch trend.direction {
                        case .up: " (+\(trend.change ?? 0))"
                        case .down: " (−\(-(trend.change ?? 0)))"
                        case .same: " (=)"
                        case .unknown: ""
                        }
                    return "\(trend.title) \(trend.score.map(String.init) ?? "–")\(change)"
                }.joined(separator: " · "),
            steps: views.plural("dashboard.steps", count: item.openSteps, context),
            overdue: item.overdueSteps == 0
                ? nil : views.text("dashboard.overdue", context, ["n": "\(item.overdueSteps)"]),
            lastContact: item.lastContact.map {
                views.text(
                    "dashboard.last_contact", context, ["date": DateFormatting.day(of: $0, language: context.language)])
            } ?? views.text("dashboard.no_contact_yet", context),
            reasons: item.reasons(today: today).map { views.text("dashboard.reason.\($0.rawValue)", context) })
    }
}
