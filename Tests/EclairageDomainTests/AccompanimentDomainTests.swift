import Testing

@testable import EclairageDomain

/// The accompaniment's rules, without a server: what needs an advisor's attention first, how themes
/// moved, how the access log groups repeated views, and the checks of the plan's and notes' forms.
@Suite("Accompaniment: attention, trends, access log, plan and note forms")
struct AccompanimentDomainTests {
    static let today = Day(iso: "2026-11-17")!

    static func snapshot(_ overall: Int?, _ themes: [(String, Int?)] = []) -> ScoreSnapshot {
        ScoreSnapshot(
            version: "1",
            themes: themes.map {
                ThemeScore(
                    themeID: $0.0, title: $0.0.capitalized, score: $0.1, answered: 4, replied: 4, questions: 4,
                    dontKnow: 0)
            }, overall: overall)
    }

    static func followed(
        _ name: String, request: Bool = false, latest: Int? = 60, previous: Int? = nil, open: Int = 0,
        overdue: Int = 0, contact: String? = "2026-11-01"
    ) -> FollowedAssociation {
        FollowedAssociation(
            id: name, name: name, unseenRequest: request, latest: latest.map { ScoreSummary(snapshot($0)) },
            previous: previous.map { ScoreSummary(snapshot($0)) }, openSteps: open, overdueSteps: overdue,
            lastContact: contact.flatMap(Day.init(iso:)))
    }

    @Test("Reasons: a new request, overdue steps, a falling level, no diagnostic, no contact for three months")
    func reasons() {
        #expect(Self.followed("calme").reasons(today: Self.today) == [])
        #expect(Self.followed("nouvelle", request: true).reasons(today: Self.today) == [.newRequest])
        #expect(Self.followed("retard", open: 2, overdue: 1).reasons(today: Self.today) == [.overdueSteps])
        #expect(Self.followed("baisse", latest: 50, previous: 62).reasons(today: Self.today) == [.falling])
        #expect(Self.followed("hausse", latest: 70, previous: 62).reasons(today: Self.today) == [])
        #expect(Self.followed("vide", latest: nil).reasons(today: Self.today) == [.noDiagnostic])
        // No contact counts only while steps are open; 90 days is still recent, 91 is not.
        #expect(Self.followed("oubli", contact: "2026-08-01").reasons(today: Self.today) == [])
        #expect(Self.followed("oubli", open: 1, contact: "2026-08-19").reasons(today: Self.today) == [])
        #expect(Self.followed("oubli", open: 1, contact: "2026-08-18").reasons(today: Self.today) == [.noContact])
        #expect(Self.followed("jamais", open: 1, contact: nil).reasons(today: Self.today) == [.noContact])
    }

    @Test("Sorted by attention: most reasons, then the weightiest, then the oldest contact, then the name")
    func sorting() {
        let list = [
            Self.followed("Zèbre"),
            Self.followed("Abeille"),
            Self.followed("Baisse", latest: 40, previous: 60),
            Self.followed("Deux raisons", request: true, open: 1, overdue: 1),
            Self.followed("Demande", request: true),
            Self.followed("Ancien contact", contact: "2026-01-01"),
        ]
        #expect(
            FollowedAssociation.byAttention(list, today: Self.today).map(\.name) == [
                "Deux raisons", "Demande", "Baisse", "Ancien contact", "Abeille", "Zèbre",
            ])
    }

    @Test("Trends compare a theme only under the same id; unknown where either score is missing")
    func trends() {
        let before = Self.snapshot(50, [("sauvegarde", 40), ("messagerie", 60), ("ancien", 10), ("flou", nil)])
        let now = Self.snapshot(55, [("sauvegarde", 55), ("messagerie", 52), ("nouveau", 30), ("flou", 20)])
        let trends = ThemeTrend.between(latest: now, previous: before)
        #expect(trends.map(\.themeID) == ["sauvegarde", "messagerie", "nouveau", "flou"])
        #expect(trends.map(\.change) == [15, -8, nil, nil])
        #expect(trends.map(\.direction) == [.up, .down, .unknown, .unknown])
        #expect(ThemeTrend.between(latest: now, previous: nil).allSatisfy { $0.direction == .unknown })
    }

    @Test("A score summary reads back what the snapshot said: overall, and each theme's id, title and score")
    func scoreSummary() {
        let snapshot = Self.snapshot(55, [("sauvegarde", 55), ("flou", nil), ("messagerie", 0)])
        let summary = ScoreSummary(snapshot)
        #expect(ScoreSummary(overall: 55, themeLines: summary.themeLines) == summary)
        #expect(summary.themes.map(\.title) == ["Sauvegarde", "Flou", "Messagerie"])
        #expect(ScoreSummary(overall: nil, themeLines: "").themes.isEmpty)
        // A tab or a line break in a title cannot break the lines.
        let odd = ScoreSummary(overall: 1, themes: [.init(id: "a", title: "Un\tdeux\ntrois", score: 3)])
        #expect(
            ScoreSummary(overall: 1, themeLines: odd.themeLines).themes == [
                .init(id: "a", title: "Un deux trois", score: 3)
            ])
        #expect(
            ThemeTrend.between(latest: summary, previous: nil)
                == ThemeTrend.between(latest: snapshot, previous: nil))
    }

    @Test("The access log groups the same person, body, page and day; other days and pages stay apart")
    func accessLog() {
        let day = Self.today
        let entries: [AccessLogLine.Entry] = [
            .init(person: "Carol", body: "PAVA", what: "association", at: 300, day: day),
            .init(person: "Carol", body: "PAVA", what: "plan", at: 250, day: day),
            .init(person: "Carol", body: "PAVA", what: "association", at: 200, day: day),
            .init(person: "Dan", body: "DLA", what: "association", at: 150, day: day),
            .init(person: "Carol", body: "PAVA", what: "association", at: 100, day: day),
            .init(person: "Carol", body: "PAVA", what: "association", at: 50, day: Day(number: day.number - 1)),
        ]
        let lines = AccessLogLine.grouped(entries)
        #expect(lines.map(\.count) == [3, 1, 1, 1])
        #expect(lines.map(\.what) == ["association", "plan", "association", "association"])
        #expect(lines[0].first == 100 && lines[0].last == 300)
        #expect(lines[2].person == "Dan")
    }

    @Test("A plan step: a name, a real date, whole hours and euros in range; the rest optional")
    func stepForm() throws {
        let ok = try PlanStepForm(title: "  Sauvegarder  ", due: "2026-12-15", hours: "3", euros: "0").validate().get()
        #expect(ok.title == "Sauvegarder" && ok.due == Day(iso: "2026-12-15") && ok.hours == 3 && ok.euros == 0)
        #expect(try PlanStepForm(title: "Étape").validate().get().due == nil)
        guard
            case .failure(let errors) = PlanStepForm(title: " ", due: "2026-02-30", hours: "1e9", euros: "-1")
                .validate()
        else {
            Issue.record("accepted")
            return
        }
        #expect(errors["title"] == "plan.error.title_required")
        #expect(errors["due"] == "plan.error.due_invalid")
        #expect(errors["hours"] == "plan.error.hours_invalid")
        #expect(errors["euros"] == "plan.error.euros_invalid")
        guard case .failure(let long) = PlanStepForm(title: String(repeating: "a", count: 201)).validate() else {
            Issue.record("accepted")
            return
        }
        #expect(long["title"] == "plan.error.title_too_long")
    }

    @Test("Closing a step: a known status; giving up needs why; minutes are whole and bounded")
    func closing() throws {
        #expect(try PlanClosing(status: "done_alone", volunteerMinutes: "90").validate().get().volunteerMinutes == 90)
        #expect(try PlanClosing(status: "doing").validate().get().status == .doing)
        guard case .failure(let errors) = PlanClosing(status: "abandoned", advisorMinutes: "lots").validate() else {
            Issue.record("accepted")
            return
        }
        #expect(errors["reason"] == "plan.error.reason_required")
        #expect(errors["advisor"] == "plan.error.advisor_invalid")
        #expect((try? PlanClosing(status: "archived").validate().get()) == nil)
        guard case .failure(let unknown) = PlanClosing(status: "fini").validate() else {
            Issue.record("accepted")
            return
        }
        #expect(unknown["status"] == "plan.error.status_unknown")
        #expect(PlanStatus.allCases.filter(\.isOpen) == [.todo, .doing])
        #expect(PlanStatus.allCases.filter(\.isDone) == [.done, .doneAlone])
    }

    @Test("A note: dated today or before, not empty, no password-like text, minutes within a day")
    func note() throws {
        let note = try NoteForm(day: "2026-11-17", text: " Entretien ", isInternal: true, minutes: "45")
            .validate(today: Self.today).get()
        #expect(note.text == "Entretien" && note.isInternal && note.minutes == 45)
        guard
            case .failure(let errors) = NoteForm(day: "2026-11-18", text: "", minutes: "2000")
                .validate(today: Self.today)
        else {
            Issue.record("accepted")
            return
        }
        #expect(errors["day"] == "note.error.day_future")
        #expect(errors["text"] == "note.error.text_required")
        #expect(errors["minutes"] == "plan.error.minutes_invalid")
        guard case .failure(let bad) = NoteForm(day: "17/11/2026", text: "x").validate(today: Self.today) else {
            Issue.record("accepted")
            return
        }
        #expect(bad["day"] == "note.error.day_invalid")
    }
}

@Suite("Report periods and a support body's activity")
struct BodyActivityTests {
    @Test("Periods are months, quarters or years; anything else is refused")
    func periods() {
        #expect(ReportPeriod("2026")?.days.first == Day(iso: "2026-01-01"))
        #expect(ReportPeriod("2026")?.days.end == Day(iso: "2027-01-01"))
        #expect(ReportPeriod("2026-T4")?.days.first == Day(iso: "2026-10-01"))
        #expect(ReportPeriod("2026-T4")?.days.end == Day(iso: "2027-01-01"))
        #expect(ReportPeriod("2026-02")?.days.end == Day(iso: "2026-03-01"))
        #expect(ReportPeriod("2026-12")?.days.end == Day(iso: "2027-01-01"))
        for bad in ["", "26", "2026-13", "2026-T5", "2026-T0", "2026-01-01", "2026-1", "abcd", "2026-", "3026"] {
            #expect(ReportPeriod(bad) == nil, "\(bad)")
        }
        let recent = ReportPeriod.recent(today: Day(iso: "2026-02-10")!).map(\.text)
        #expect(recent.prefix(7) == ["2026", "2025", "2024", "2026-T1", "2025-T4", "2025-T3", "2025-T2"])
        #expect(recent.suffix(12).first == "2026-02" && recent.last == "2025-03")
    }

    @Test("The activity counts grants begun by the period's end, closed steps by status and theme, time and sessions")
    func activity() {
        let steps: [BodyActivity.ClosedStep] = [
            .init(status: .done, theme: "sauvegarde", volunteerMinutes: 60, advisorMinutes: 30),
            .init(status: .doneAlone, theme: "sauvegarde", volunteerMinutes: 30, advisorMinutes: 0),
            .init(status: .notForUs, theme: "messagerie", volunteerMinutes: 0, advisorMinutes: 0),
            .init(status: .abandoned, theme: nil, volunteerMinutes: 0, advisorMinutes: 15),
        ]
        let activity = BodyActivity.of(
            grantedAt: [50, 150, 250], periodStart: 100, periodEnd: 200, steps: steps, noteMinutes: [45, 20],
            sessions: [
                .init(cancelled: false, registered: 8, attended: 6), .init(cancelled: true, registered: 3, attended: 0),
            ])
        #expect(activity.accompanied == 2 && activity.new == 1)
        #expect(activity.byStatus.map(\.status) == [.done, .doneAlone, .unreachable, .notForUs, .abandoned, .archived])
        #expect(activity.byStatus.map(\.count) == [1, 1, 0, 1, 1, 0])
        #expect(activity.byTheme.map(\.theme) == ["sauvegarde", "messagerie"])
        #expect(activity.byTheme.map(\.count) == [2, 1])
        #expect(activity.advisorMinutes == 45 + 20 + 30 + 15 && activity.volunteerMinutes == 90)
        #expect(activity.sessionsHeld == 1 && activity.sessionsCancelled == 1)
        #expect(activity.registered == 8 && activity.attended == 6)
    }

    @Test("Closed accompaniments: closed in the period, accompanied while they lasted, new if begun in it")
    func closings() {
        let activity = BodyActivity.of(
            grantedAt: [50], periodStart: 100, periodEnd: 200, steps: [], noteMinutes: [], sessions: [],
            closings: [
                .init(grantedAt: 10, closedAt: 90),  // closed before the period: not counted at all
                .init(grantedAt: 20, closedAt: 100),  // closed as the period begins
                .init(grantedAt: 120, closedAt: 199),  // begun and closed in the period
                .init(grantedAt: 30, closedAt: 200),  // closed as the next period begins: accompanied only
                .init(grantedAt: 200, closedAt: 250),  // begun after the period
            ])
        #expect(activity.closed == 2)
        #expect(activity.accompanied == 1 + 3)
        #expect(activity.new == 1)
        let none = BodyActivity.of(
            grantedAt: [50], periodStart: 100, periodEnd: 200, steps: [], noteMinutes: [], sessions: [])
        #expect(none.closed == 0 && none.accompanied == 1)
        #expect(
            AccompanimentClosing(reason: "  ").validate()
                == .failure(FieldErrors(["reason": "closing.error.reason_required"])))
        #expect(AccompanimentClosing(reason: " Objectifs atteints ").validate() == .success("Objectifs atteints"))
    }
}

@Suite("The map of usages")
struct UsageMapTests {
    @Test("Who holds a tool's account: the inventory's assets naming it, accents and case aside")
    func holders() {
        func asset(_ name: String, provider: String = "", holders: [String]) -> Asset {
            Asset(id: name, kind: .service, name: name, provider: provider, holders: holders)
        }
        let assets = [
            asset("Compte WhatsApp du bureau", holders: ["Alice"]),
            asset("Messagerie", provider: "Gmail", holders: ["Alice", "Bob"]),
            asset("Boîte partagée", provider: "gmail.com", holders: ["Bob", "Chloé"]),
        ]
        #expect(UsageMap.holders(of: "WhatsApp", in: assets) == 1)
        #expect(UsageMap.holders(of: "Gmail", in: assets) == 3)
        #expect(UsageMap.holders(of: "Signal", in: assets) == nil)
        #expect(UsageMap.holders(of: "", in: assets) == nil)
    }
}

@Suite("Valuing volunteer hours")
struct VolunteerValueTests {
    @Test("A rate in euros with a comma or a point, a rule with it; amounts rounded to the cent")
    func rate() throws {
        #expect(
            try VolunteerRateForm(rate: "12,02", rule: "SMIC").validate().get()
                == VolunteerValue(rateCents: 1202, rule: "SMIC"))
        #expect(try VolunteerRateForm(rate: "12.5", rule: "x").validate().get()?.rateCents == 1250)
        #expect(try VolunteerRateForm(rate: " 15 ", rule: "x").validate().get()?.rateCents == 1500)
        #expect(try VolunteerRateForm().validate().get() == nil)
        for bad in ["abc", "12,345", "-3", "0", "1001", ",50", "12,", "1e3", "١٢"] {
            guard case .failure(let errors) = VolunteerRateForm(rate: bad, rule: "x").validate() else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(errors["rate"] == "volunteer.error.rate_invalid", "\(bad)")
        }
        guard case .failure(let noRule) = VolunteerRateForm(rate: "10", rule: " ").validate() else {
            Issue.record("accepted")
            return
        }
        #expect(noRule["rule"] == "volunteer.error.rule_required")
        #expect(VolunteerValue(rateCents: 1202, rule: "").cents(minutes: 90) == 1803)
        #expect(VolunteerValue.euros(1803) == "18,03\u{00A0}€")
        #expect(VolunteerValue.euros(123_456_7) == "12\u{202F}345,67\u{00A0}€")
    }
}

@Suite("Stale plan steps")
struct StaleStepTests {
    @Test("Reminded at 90 days unmoved, archived 30 days after an unanswered reminder; an update starts again")
    func decide() {
        let day: Int64 = 86_400
        #expect(StaleStep.decide(updatedAt: 0, remindedAt: nil, now: 89 * day) == .none)
        #expect(StaleStep.decide(updatedAt: 0, remindedAt: nil, now: 90 * day) == .remind)
        #expect(StaleStep.decide(updatedAt: 0, remindedAt: 90 * day, now: 119 * day) == .none)
        #expect(StaleStep.decide(updatedAt: 0, remindedAt: 90 * day, now: 120 * day) == .archive)
        // Updated after the reminder: no archive (the status form also clears the reminder).
        #expect(StaleStep.decide(updatedAt: 100 * day, remindedAt: 90 * day, now: 130 * day) == .none)
    }
}
