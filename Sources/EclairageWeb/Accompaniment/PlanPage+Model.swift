import EclairageDomain

/// The association's action plan: progress, the advisors' proposals waiting for an answer, open steps
/// with their owner, due date and estimates, closed steps with how they closed. Printable (the print
/// style hides the forms).
enum PlanPage {}

extension PlanPage {
    struct Model: Sendable {
        let associationName: String
        let backLink: String
        let followLink: String
        let progress: String
        let estimates: String?
        let volunteering: String?
        /// The hours' value as "contributions volontaires en nature", with the rule, once a rate is chosen.
        let valuation: String?
        let valueAction: String
        let valueForm: FormState
        let proposals: [Step]
        let open: [Step]
        let closed: [Step]
        let canEdit: Bool
        let canPropose: Bool
        let addAction: String
        let statusAction: String
        let answerAction: String
        let form: FormState
        let statusForm: FormState
        let failedStep: String?
        /// The questionnaire's themes, for a step written by hand.
        let themes: [SelectOption]
        /// The calendar's trainings still to come, for a step written by hand (the field shows only if any).
        let trainings: [SelectOption]

        struct Step: Sendable {
            let id: String
            /// The step's place on the page, for the form fields' ids ("o1", "p2"…).
            let key: String
            let title: String
            let detail: String?
            let owner: String?
            let due: String?
            let overdue: Bool
            let status: String
            let estimate: String?
            let closingNote: String?
            let proposedBy: String?
            /// The sheet or tool the step relates to (a report's step, a kept tool).
            let related: LinkView?
            /// The calendar's training it relates to, while that training exists.
            let training: LinkView?
            let statuses: [Option]
            let failed: Bool
        }
        struct Option: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }
    }
}

extension PlanPage.Model {
    struct Forms {
        var add: FormState = .empty
        var status: FormState = .empty
        var failedStep: String? = nil
        var value: FormState? = nil
    }

    /// The trainings the form offers, and those the steps relate to.
    struct Trainings: Sendable {
        let offered: [PlanQueries.Training]
        let linked: [PlanQueries.Training]
    }

    static func make(
        _ steps: [PlanQueries.Step], bodyNames: [String: String], value: VolunteerValue?, trainings: Trainings,
        loaded: AuthorizedAssociation, forms: Forms,
        today: Day, context: AppRequestContext, services: AppServices
    ) -> Self {
        let views = services.views
        let id = loaded.association.id
        let progress = PlanProgress(steps)
        let accepted = progress.accepted
        let hours = accepted.compactMap(\.estimateHours).reduce(0, +)
        let euros = accepted.compactMap(\.estimateEuros).reduce(0, +)
        let volunteer = accepted.map(\.volunteerMinutes).reduce(0, +)
        let linked = Dictionary(trainings.linked.map { ($0.id, $0.title) }) { first, _ in first }
        func view(_ step: PlanQueries.Step, key: String) -> Step {
            let status = PlanStatus(rawValue: step.status) ?? .todo
            let due = step.dueOn.flatMap(Day.init(iso:))
            var estimate: [String] = []
            if let h = step.estimateHours { estimate.append(views.text("plan.estimate_hours", context, ["n": "\(h)"])) }
            if let e = step.estimateEuros { estimate.append(views.text("plan.estimate_euros", context, ["n": "\(e)"])) }
            return Step(
                id: step.id, key: key, title: step.title, detail: step.detail.isEmpty ? nil : step.detail,
                owner: step.ownerName.isEmpty ? nil : step.ownerName,
                due: due.map { DateFormatting.day(of: $0, language: context.language) },
                overdue: status.isOpen && due.map { $0 < today } == true,
                status: views.text("plan.status.\(status.rawValue)", context),
                estimate: estimate.isEmpty ? nil : estimate.joined(separator: " · "),
                closingNote: step.closingNote.isEmpty ? nil : step.closingNote,
                proposedBy: step.proposedBy.flatMap { bodyNames[$0] },
                related: related(step, services: services),
                training: step.trainingId.flatMap { training in
                    linked[training].map { LinkView(title: $0, link: SiteURL.training(training).path) }
                },
                statuses: PlanStatus.allCases.filter { $0 != .archived }.map {
                    .init(
                        value: $0.rawValue, label: views.text("plan.status.\($0.rawValue)", context),
                        selected: $0 == status)
                },
                failed: forms.failedStep == step.id)
        }
        return Self(
            associationName: loaded.association.name, backLink: SiteURL.association(id).path,
            followLink: SiteURL.associationFollow(id).path,
            progress: progress.text(context, views: views),
            estimates: hours + euros == 0
                ? nil : views.text("plan.estimates", context, ["hours": "\(hours)", "euros": "\(euros)"]),
            volunteering: volunteer == 0
                ? nil
                : views.text(
                    "plan.volunteering", context,
                    ["time": DateFormatting.duration(minutes: volunteer)]),
            valuation: value.map {
                views.text(
                    "volunteer.valuation", context,
                    [
                        "amount": VolunteerValue.euros($0.cents(minutes: volunteer)),
                        "rate": VolunteerValue.euros($0.rateCents), "rule": $0.rule,
                    ])
            },
            valueAction: SiteURL.associationPlanValue(id).path,
            valueForm: forms.value
                ?? FormState(
                    values: [
                        "rate": value.map {
                            VolunteerValue.euros($0.rateCents).replacingOccurrences(of: "\u{00A0}€", with: "")
                        }
                            ?? "",
                        "rule": value?.rule ?? "",
                    ], errors: [:], errorList: []),
            proposals: steps.filter { $0.accepted == 0 }.enumerated().map { view($1, key: "p\($0 + 1)") },
            open: progress.open.enumerated().map {
                view($1, key: "o\($0 + 1)")
            },
            closed: accepted.filter { !(PlanStatus(rawValue: $0.status)?.isOpen ?? true) }.enumerated().map {
                view($1, key: "c\($0 + 1)")
            },
            canEdit: loaded.access.isMember, canPropose: loaded.access == .advisor,
            addAction: SiteURL.associationPlan(id).path, statusAction: SiteURL.associationPlanStatus(id).path,
            answerAction: SiteURL.associationPlanProposal(id).path, form: forms.add, statusForm: forms.status,
            failedStep: forms.failedStep,
            themes: services.questionnaire.themes.map {
                SelectOption(value: $0.id, label: $0.title, selected: forms.add.values["theme"] == $0.id)
            },
            trainings: trainings.offered.map { training in
                let next = training.nextStart.map {
                    " (" + DateFormatting.day(of: DateFormatting.parisDay($0), language: context.language) + ")"
                }
                return SelectOption(
                    value: training.id, label: training.title + (next ?? ""),
                    selected: forms.add.values["training"] == training.id)
            })
    }
}

extension PlanPage.Model {
    /// A report's step links to its sheet; a kept tool (`need:tool`) to the tool's page.
    static func related(_ step: PlanQueries.Step, services: AppServices) -> LinkView? {
        switch step.kind {
        case "step":
            let slug = services.questionnaire.steps.first { $0.id == step.reference }?.sheet
            return slug.flatMap { slug in services.sheets.first { $0.slug == slug } }.map {
                LinkView(title: $0.title, link: SiteURL.sheet($0.slug).path)
            }
        case "tool":
            let slug = String(step.reference.split(separator: ":").last ?? "")
            return services.catalogue.tool(slug).map { LinkView(title: $0.name, link: SiteURL.tool($0.slug).path) }
        default: return nil
        }
    }
}
