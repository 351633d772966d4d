import EclairageDomain

/// One breach: the 72-hour clock, the triage, and the drafts of the notification to the CNIL
/// (art. 33.3) and of the letter to the people concerned (art. 34).
enum BreachPage {}

extension BreachPage {
    struct Model: Sendable {
        let associationName: String
        let listLink: String
        let canEdit: Bool
        let discovered: String
        let clock: String
        /// The clock's class: `status-urgent` while it runs, `status-late` past it, `notice` once notified,
        /// `status-info` when no notification is due.
        let clockState: String
        let triage: String
        /// What to do now, for this kind of incident.
        let advice: String
        let facts: [Fact]
        let cnilDraft: String?
        let peopleDraft: String?
        let notified: String?
        let notifyAction: String
        let today: String
        /// Past the 72 hours and not yet notified: the reasons for the delay are asked with the day.
        let asksDelayReasons: Bool
        let delayReasons: String
        let editLink: String

        struct Fact: Sendable {
            let label: String
            let value: String
        }
    }
}

extension BreachPage.Model {
    static func make(
        _ access: InventoryAccess, breach: Breach, now: Int64, views: Views, context: AppRequestContext
    ) -> Self {
        let id = access.associationID
        let hours = breach.hoursLeft(now: now)
        let deadline = DateFormatting.dayAndTime(breach.deadline, language: context.language)
        // Each state of the 72-hour clock has its own words and colour: running is urgent, not a success.
        let (clock, clockState): (String, String) =
            if !breach.risk.notifiesAuthority {
                (views.text("breach.clock_not_needed", context), "status-info")
            } else if breach.notifiedOn != nil {
                (
                    views.text(
                        "breach.clock_done", context,
                        ["date": DateFormatting.day(iso: breach.notifiedOn ?? "", language: context.language)]),
                    "notice"
                )
            } else if hours >= 0 {
                (
                    views.text("breach.clock_left", context, ["hours": "\(hours)", "deadline": deadline]),
                    "status-urgent"
                )
            } else {
                (
                    views.text("breach.clock_late", context, ["hours": "\(-hours)", "deadline": deadline]),
                    "status-late"
                )
            }
        let language = context.language
        let toComplete = views.text("breach.to_complete", context)
        var values = [
            "association": access.loaded.association.name,
            "discovered": DateFormatting.dayAndTime(breach.discoveredAt, language: language),
            "started": breach.startedAt.map { DateFormatting.dayAndTime($0, language: language) } ?? "",
            "found_how": breach.foundHow, "kind": views.text("breach.kind.\(breach.kind.rawValue)", context),
            "cause": breach.cause, "nature": breach.nature, "people": breach.people, "records": breach.records,
            "consequences": breach.consequences, "measures": breach.measures, "contact": breach.contact,
            "people_told": breach.peopleTold.map { views.text("breach.people_told.\($0 ? "yes" : "no")", context) }
                ?? "",
            "delay_reasons": breach.delayReasons, "no_notify_reasons": breach.noNotifyReasons,
        ].mapValues { $0.isEmpty ? toComplete : $0 }
        if breach.delayReasons.isEmpty && !(hours < 0 && breach.risk.notifiesAuthority) {
            values["delay_reasons"] = views.text("breach.no_delay", context)
        }
        let factNames =
            ["started", "found_how", "kind"] + BreachLogPage.textFields + ["people_told"]
            + (breach.risk.notifiesAuthority ? ["delay_reasons"] : ["no_notify_reasons"])
        // The letter is written for the people: this kind's words, their data, what to do; not the log's text.
        let letter = [
            "association": values["association"] ?? "",
            "day": DateFormatting.day(breach.discoveredAt, language: language),
            "happened": views.text("breach.letter.happened.\(breach.kind.rawValue)", context),
            "means": views.text("breach.letter.means.\(breach.kind.rawValue)", context),
            "todo": views.text("breach.letter.todo.\(breach.kind.rawValue)", context),
            "records": values["records"] ?? "", "measures": values["measures"] ?? "",
            "contact": values["contact"] ?? "",
        ]
        return Self(
            associationName: access.loaded.association.name, listLink: SiteURL.breaches(id).path,
            canEdit: access.canEdit,
            discovered: values["discovered"] ?? "", clock: clock,
            clockState: clockState,
            triage: views.text("breach.triage.\(breach.risk.rawValue)", context),
            advice: views.text("breach.advice.\(breach.kind.rawValue)", context),
            facts: factNames.map {
                .init(label: views.text("breach.field.\($0)", context), value: values[$0] ?? "")
            },
            cnilDraft: breach.risk.notifiesAuthority ? views.text("breach.draft_cnil", context, values) : nil,
            peopleDraft: breach.risk.informsPeople ? views.text("breach.draft_people", context, letter) : nil,
            notified: breach.notifiedOn, notifyAction: SiteURL.breach(id, breach: breach.id).path,
            today: DateFormatting.parisDay(now).iso,
            asksDelayReasons: breach.isLate(notifiedOn: DateFormatting.parisDay(now)),
            delayReasons: breach.delayReasons,
            editLink: SiteURL.breachEdit(id, breach: breach.id).path
        )
    }
}
