import EclairageDomain
import Foundation

/// The report page: its model, built from the domain's `Report` (every figure comes from it), and
/// the reads it needs (`DiagnosticReportPage+Query.swift`).
enum DiagnosticReportPage {}

extension DiagnosticReportPage {
    struct Model: Sendable, Equatable {
        let level: String?
        let levelText: String?
        let overall: Int?
        let radar: String
        /// Each theme folded with what the answers say, its steps and its sheets.
        var themes: [Theme]
        /// The first screen: the three first steps and their first action.
        let priorities: [Priority]
        /// When no step comes out: "keep it up" only once the answers are complete enough to say so.
        let noSteps: String?
        let comparison: [Change]
        /// Themes the plan's steps done since the previous diagnostic worked on, with how they moved.
        var moved: [Moved] = []
        let hasComparison: Bool
        let comparisonOverall: String?
        let answered: Int
        let total: Int
        let incomplete: Bool
        /// Why there is no level yet, while answers exist; and the themes to complete.
        let levelUnknown: String?
        /// Ways to keep an anonymous diagnostic: sign up or in, or create an association, then come back.
        /// (This and the fields marked "shell" depend on who reads: set by `fillShell` on each request,
        /// the rest comes from the answers and is kept in `ReportCache`.)
        var keepLinks: [LinkView] = []
        let unsettledThemes: [LinkView]
        let continueLink: String
        /// Shell.
        var expiryNotice: String?
        var resumeLink: String?
        let attachAction: String
        var attachable: [SelectOption] = []
        var canDelete = false
        let deleteAction: String
        let exportJSON: String
        let exportCSV: String
        /// The same CSV with semicolons, as French spreadsheets expect.
        let exportCSVSemicolon: String
        let versionNotice: String?
        /// The advice, most urgent first: the first five shown, the rest folded under "more".
        var recommendations: [RecommendationGroup]
        /// Shell.
        var saveAction: String?
        /// Shell. For the association's members: where to act on the findings (the plan, asking for
        /// support, the inventory, handover, register, breaches).
        var associationTools: [LinkView] = []
        let diagnosticID: String

        struct Theme: Sendable, Equatable {
            let id: String
            let title: String
            let score: String
            /// Only while the theme has no score: why ("not answered yet", "does not apply"…).
            let summary: String?
            /// What the answers say, group by group ("En place", "À renforcer"…), empty groups left out.
            let findings: [FindingGroup]
            let dontKnow: String?
            var steps: [Step] = []
            var sheets: [LinkView] = []
        }

        /// One of the three priorities on the first screen: the step's title and its first action.
        struct Priority: Sendable, Equatable {
            let title: String
            let firstAction: String
            let isRisk: Bool
            /// The theme's fold where the rest of the step is.
            let link: String
        }

        /// One paragraph per group ("En place : …"): fewer elements than a list, the same reading.
        struct FindingGroup: Sendable, Equatable {
            let label: String
            let text: String
        }

        struct Step: Sendable, Equatable {
            let theme: String
            let title: String
            /// The whole text, or — for a priority, whose first action the first screen gives — the rest
            /// (nil when nothing is left).
            let text: String?
            let kindLabel: String
            let isRisk: Bool
            let sheetLink: String?
            let sheetTitle: String?
            let reference: String
            /// Where in Éclairage the step is done (the register…), for the association's members.
            let eclairageLink: String?
            let eclairageText: String?
            /// Already kept for the association's action plan.
            var saved = false
        }

        struct RecommendationGroup: Sendable, Equatable {
            /// Set for the folded group: "N more needs your answers point to".
            let foldedSummary: String?
            var items: [Recommendation]
        }

        struct Change: Sendable, Equatable {
            let title: String
            let before: String
            let after: String
            let change: String
        }

        /// The short label of a theme for the chart ("Fichiers, sauvegardes…" → "Fichiers").
        static func shortLabel(_ title: String) -> String {
            var label = title
            for separator in [" :", ",", " et "] {
                if let range = label.range(of: separator) { label = String(label[..<range.lowerBound]) }
            }
            return label
        }

        /// Marks the steps and tools already kept (`kind:reference`, as `saved_steps` holds them).
        /// Places and trainings near the association (set after the report is made).
        var nearby: NearbyHelp?

        mutating func markSaved(_ saved: Set<String>) {
            for theme in themes.indices {
                for index in themes[theme].steps.indices {
                    themes[theme].steps[index].saved = saved.contains("step:\(themes[theme].steps[index].reference)")
                }
            }
            for group in recommendations.indices {
                for index in recommendations[group].items.indices {
                    recommendations[group].items[index].saved = saved.contains(
                        "tool:\(recommendations[group].items[index].reference)")
                }
            }
        }
    }
}

extension DiagnosticReportPage.Model {
    /// The model of what `query` read, the nearby help included.
    static func make(
        _ query: DiagnosticReportPage.Query, access: DiagnosticAccess, token: String?, context: AppRequestContext,
        services: AppServices
    ) async throws -> Self {
        let diagnostic = access.diagnostic
        let reports = services.reports
        let current = reports.report(
            of: diagnostic.id, answers: query.answers, scores: diagnostic.scores, services: services)
        let previous = query.previous.map {
            reports.report(of: $0.id, answers: $0.answers, scores: $0.scores, services: services)
        }
        let memberOf = access.canSaveSteps ? diagnostic.associationId : nil
        // Everything the computed part reads of the request is in the key; what it reads of the data, in the basis.
        let key =
            "\(diagnostic.id)|\(query.previous?.id ?? "")|\(memberOf ?? "")|\(context.language.rawValue)|\(context.audience)"
        let basis = ReportCache.PageBasis(
            current: .init(answers: query.answers, scores: diagnostic.scores),
            previous: query.previous.map { .init(answers: $0.answers, scores: $0.scores) })
        var model = reports.pages.value(for: key, basis: basis) {
            computed(
                current, previous: previous?.report, id: diagnostic.id, memberOf: memberOf, answers: query.answers,
                context: context, services: services)
        }
        model.fillShell(
            access: access, attachable: query.attachable, token: token, context: context, services: services)
        model.markSaved(query.saved)
        model.moved = Moved.of(query.doneSince, report: current.report, previous: previous?.report)
        model.nearby = try await NearbyHelp.find(
            departement: query.answers["departement"].first, postcode: query.postcode,
            attention: current.report.attention.map(\.themeID), needs: current.advice.prefix(5).map(\.need.id),
            services: services, language: context.language
        )
        return model
    }

    /// What the answers give, for one reader's language and audience (`memberOf`: the association
    /// whose member reads, for the links to its tools): the model without its shell.
    static func computed(
        _ computed: ReportCache.Computed, previous: Report?, id: String, memberOf: String?, answers: Answers,
        context: AppRequestContext, services: AppServices
    ) -> Self {
        let report = computed.report
        let views = services.views
        let questionnaire = services.questionnaire
        let comparison = previous.map { Comparison.between(previous: $0, current: report) }
        let radar = RadarChart(
            axes: report.themes.map { .init(label: Self.shortLabel($0.title), value: $0.score) },
            previous: previous.map { $0.themes.map(\.score) },
            title: views.text("diagnostic.radar_title", context),
            description: report.themes.map { "\($0.title) : \($0.score.map(String.init) ?? "–")" }.joined(
                separator: " ; ")
        )
        let (answered, total) = answers.progress(in: questionnaire)
        let sheets = services.sheets
        let priorities = report.nextSteps.prefix(3)
        // a sheet two steps point to is linked under the first only
        var linkedSheets = Set<String>()
        let steps = report.nextSteps.map { step in
            let sheet = step.sheet.flatMap { linkedSheets.insert($0).inserted ? $0 : nil }
            return Step(
                step, sheet: sheet, isPriority: priorities.contains(step), sheets: sheets, association: memberOf,
                views: views, context: context)
        }
        let sheetsByTheme = sheetsToRead(report, services: services)
        return Self(
            level: report.level?.rawValue,
            levelText: report.level.map { views.text("level.\($0.rawValue)", context) },
            overall: report.overall,
            radar: radar.svg(),
            themes: report.themes.map { score in
                var theme = Theme(score, answers: answers, context: context, services: services)
                theme.steps = steps.filter { $0.theme == score.themeID }
                theme.sheets = sheetsByTheme.filter { $0.theme == score.themeID }.map(\.link)
                return theme
            },
            priorities: priorities.map {
                Priority(
                    title: $0.title, firstAction: $0.firstAction.action, isRisk: $0.kind == .risk,
                    link: "#theme-\($0.theme)")
            },
            noSteps: !report.nextSteps.isEmpty
                ? nil
                : views.text(report.level == nil ? "diagnostic.no_steps_yet" : "diagnostic.no_steps", context),
            comparison: comparison?.changes.map(Change.init) ?? [],
            hasComparison: comparison != nil,
            comparisonOverall: comparison.flatMap { c in
                guard let before = c.overallBefore, let after = c.overallAfter else { return nil }
                return views.text(
                    "diagnostic.comparison_overall", context, ["before": "\(before)", "after": "\(after)"])
            },
            answered: answered, total: total, incomplete: answered < total,
            levelUnknown: report.level == nil && answered > 0
                ? views.text(
                    "diagnostic.level_unknown", context,
                    [
                        "settled": "\(report.themes.filter(\.isSettled).count)", "total": "\(report.themes.count)",
                        "needed": "\(Int((Double(report.themes.count) * Scoring.overallShare).rounded(.up)))",
                    ]) : nil,
            unsettledThemes: report.themes.filter { !$0.isSettled }.compactMap { score in
                questionnaire.pages.firstIndex {
                    if case .theme(let theme, _) = $0 { theme.id == score.themeID } else { false }
                }
                .map { LinkView(title: score.title, link: SiteURL.diagnosticStep(id, step: String($0 + 1)).path) }
            },
            continueLink: SiteURL.diagnosticStep(id, step: String(questionnaire.firstIncompletePage(answers) + 1)).path,
            attachAction: SiteURL.diagnosticAttach(id).path,
            deleteAction: SiteURL.diagnosticDelete(id).path,
            exportJSON: SiteURL.diagnosticExportJSON(id).path,
            exportCSV: SiteURL.diagnosticExportCSV(id).path,
            exportCSVSemicolon: SiteURL.diagnosticExportCSV(id).path + "?separateur=point-virgule",
            versionNotice: report.questionnaireVersion == questionnaire.version
                ? nil
                : views.text("diagnostic.version_notice", context, ["version": report.questionnaireVersion]),
            recommendations: recommendationGroups(computed.advice, context: context, services: services),
            diagnosticID: id
        )
    }

    /// The part that depends on who reads: how to keep or attach the diagnostic, deleting it, the
    /// resume link (`token`: from the visitor's cookie), saving steps for the association's members.
    mutating func fillShell(
        access: DiagnosticAccess, attachable: [AssociationQueries.ListedAssociation], token: String?,
        context: AppRequestContext, services: AppServices
    ) {
        let views = services.views
        let diagnostic = access.diagnostic
        keepLinks = Self.keepLinks(diagnostic, attachable: attachable, context: context, services: services)
        expiryNotice =
            diagnostic.associationId == nil
            ? diagnostic.expiresAt.map {
                views.text(
                    "diagnostic.expiry_notice", context, ["date": DateFormatting.day($0, language: context.language)])
            } : nil
        resumeLink = token.map { services.absoluteURL(.diagnosticResume(token: $0)) }
        self.attachable = attachable.map { .init(value: $0.id, label: $0.name, selected: false) }
        canDelete = access.canDelete
        saveAction =
            access.canSaveSteps ? diagnostic.associationId.map { SiteURL.associationSavedSteps($0).path } : nil
        associationTools =
            !access.canSaveSteps
            ? []
            : diagnostic.associationId.map { id in
                [
                    LinkView(
                        title: views.text("report.tool.plan", context), link: SiteURL.associationPlan(id).path),
                    LinkView(
                        title: views.text("report.tool.support", context), link: SiteURL.associationSupport(id).path
                    ),
                    LinkView(title: views.text("report.tool.inventory", context), link: SiteURL.inventory(id).path),
                    LinkView(title: views.text("report.tool.handover", context), link: SiteURL.handover(id).path),
                    LinkView(title: views.text("report.tool.register", context), link: SiteURL.register(id).path),
                    LinkView(title: views.text("report.tool.breaches", context), link: SiteURL.breaches(id).path),
                ]
            } ?? []
    }

    /// The first five pieces of advice, most urgent first, then the others folded, said to exist.
    static func recommendationGroups(
        _ advice: [EclairageDomain.Recommendation], context: AppRequestContext, services: AppServices
    ) -> [RecommendationGroup] {
        let all = Recommendation.sayingEachThingOnce(
            advice.map {
                Recommendation($0, views: services.views, context: context)
            })
        var groups = [RecommendationGroup(foldedSummary: nil, items: Array(all.prefix(5)))]
        if all.count > 5 {
            groups.append(
                .init(
                    foldedSummary: services.views.text("reco.more", context, ["n": "\(all.count - 5)"]),
                    items: Array(all.dropFirst(5))))
        }
        return all.isEmpty ? [] : groups
    }

    /// An anonymous diagnostic is kept by attaching it to an association: the way there, coming back
    /// to this report at each step (sign up or in, then create the association if there is none).
    static func keepLinks(
        _ diagnostic: Diagnostic, attachable: [AssociationQueries.ListedAssociation], context: AppRequestContext,
        services: AppServices
    ) -> [LinkView] {
        guard diagnostic.associationId == nil else { return [] }
        let back = SiteURL.diagnosticReport(diagnostic.id)
        let views = services.views
        if context.identity == nil {
            return [
                LinkView(
                    title: views.text("diagnostic.keep_sign_up", context), link: ReturnPath.link(.signUp, back: back)),
                LinkView(
                    title: views.text("diagnostic.keep_sign_in", context), link: ReturnPath.link(.signIn, back: back)),
            ]
        }
        guard attachable.isEmpty else { return [] }
        return [
            LinkView(
                title: views.text("diagnostic.keep_new_association", context),
                link: ReturnPath.link(.newAssociation, back: back))
        ]
    }

    /// Sheets on the themes that need attention, then on the other themes under 70, at most four,
    /// leaving out those the next steps already link to and those the answers say are not relevant;
    /// each under the theme it was chosen for.
    static func sheetsToRead(_ report: Report, services: AppServices) -> [(theme: String, link: LinkView)] {
        let linked = Set(report.nextSteps.compactMap(\.sheet))
        let weak = report.themes.filter { ($0.score ?? 100) < 70 }.sorted { ($0.score ?? 100) < ($1.score ?? 100) }.map(
            \.themeID)
        var chosen: [(theme: String, sheet: AwarenessSheet)] = []
        for theme in weak {
            for sheet in services.sheets
            where sheet.themes.contains(theme) && sheet.isRelevant(to: report.tags)
                && !linked.contains(sheet.slug) && !chosen.contains(where: { $0.sheet == sheet }) && chosen.count < 4
            {
                chosen.append((theme, sheet))
            }
        }
        return chosen.map { ($0.theme, .init(title: $0.sheet.title, link: SiteURL.sheet($0.sheet.slug).path)) }
    }
}

extension DiagnosticReportPage.Model.Theme {
    /// A theme's score, or why it has none yet, and what the answers say, group by group.
    init(_ score: ThemeScore, answers: Answers, context: AppRequestContext, services: AppServices) {
        let views = services.views
        let summary: String? =
            switch score.score {
            case .some: nil
            case nil where score.replied == 0: views.text("diagnostic.theme_unanswered", context)
            case nil where score.isSettled: views.text("diagnostic.theme_not_applicable", context)
            case nil:
                views.text(
                    "diagnostic.theme_unsettled", context, ["n": "\(score.replied)", "total": "\(score.questions)"])
            }
        let findings =
            services.questionnaire.theme(score.themeID).map { ThemeFindings.of($0, answers: answers) }
            ?? ThemeFindings()
        let groups = [
            ("finding.in_place", findings.inPlace), ("finding.to_strengthen", findings.toStrengthen),
            ("finding.to_check", findings.toCheck),
            ("finding.not_concerned", findings.notConcerned), ("finding.preferences", findings.preferences),
        ].filter { !$0.1.isEmpty }.map {
            DiagnosticReportPage.Model.FindingGroup(label: views.text($0.0, context), text: $0.1.joined(separator: " "))
        }
        self.init(
            id: score.themeID, title: score.title, score: score.score.map { "\($0)/100" } ?? "–", summary: summary,
            findings: groups,
            dontKnow: score.dontKnow > 0
                ? views.text("diagnostic.dont_know_count", context, ["n": "\(score.dontKnow)"]) : nil
        )
    }
}

extension DiagnosticReportPage.Model.Step {
    /// `isPriority`: its first action is on the first screen, so the fold gives the rest only.
    /// `association`: the association whose member reads the report (links to where the step is done).
    init(
        _ step: NextStep, sheet slug: String?, isPriority: Bool, sheets: [AwarenessSheet], association: String?,
        views: Views, context: AppRequestContext
    ) {
        let sheet = slug.flatMap { slug in sheets.first { $0.slug == slug } }
        let part: (link: String, text: String)? = step.inEclairage.flatMap { part in
            association.flatMap { id in
                let route: SiteURL? =
                    switch part {
                    case "register": .register(id)
                    case "inventory": .inventory(id)
                    case "handover": .handover(id)
                    case "breaches": .breaches(id)
                    default: nil
                    }
                return route.map { ($0.path, views.text("report.tool.\(part)", context)) }
            }
        }
        self.init(
            theme: step.theme, title: step.title,
            text: isPriority ? (step.firstAction.rest.isEmpty ? nil : step.firstAction.rest) : step.text,
            kindLabel: views.text("step_kind.\(step.kind.rawValue)", context), isRisk: step.kind == .risk,
            sheetLink: sheet.map { SiteURL.sheet($0.slug).path }, sheetTitle: sheet?.title, reference: step.id,
            eclairageLink: part?.link, eclairageText: part?.text
        )
    }
}

extension DiagnosticReportPage.Model.Change {
    init(_ change: Comparison.Change) {
        self.init(
            title: change.title, before: change.before.map(String.init) ?? "–",
            after: change.after.map(String.init) ?? "–",
            change: change.delta.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–"
        )
    }
}

extension DiagnosticReportPage.Model {
    /// A theme the plan worked on since the previous diagnostic: its change, and the steps done.
    struct Moved: Sendable, Equatable {
        let title: String
        let change: String
        let steps: [String]

        static func of(_ done: [PlanQueries.Step], report: Report, previous: Report?) -> [Moved] {
            guard let previous, !done.isEmpty else { return [] }
            let byTheme = Dictionary(grouping: done.filter { $0.theme != nil }, by: { $0.theme ?? "" })
            return Comparison.between(previous: previous, current: report).changes.compactMap { change in
                guard let steps = byTheme[change.themeID] else { return nil }
                return Moved(title: change.title, change: Change(change).change, steps: steps.map(\.title))
            }
        }
    }
}
