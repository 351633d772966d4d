import EclairageDomain
import Foundation
import Hummingbird
import SQLKit

/// The report, its exports, attaching it to an association, deleting it.
enum DiagnosticReportController {
    @Sendable static func report(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let diagnostic = access.diagnostic
        let userID = context.identity?.id
        let (answers, previousAnswers, mine, saved) = try await services.database.read { sql -> (Answers, (Answers, ScoreSnapshot?)?, [AssociationQueries.ListedAssociation], Set<String>) in
            let answers = try await DiagnosticQueries.answers(of: diagnostic.id, in: sql)
            var previous: (Answers, ScoreSnapshot?)?
            // The association's earlier scores: only for those the association lets in.
            if case .association = access.via, let associationID = diagnostic.associationId {
                let earlier = try await DiagnosticQueries.of(association: associationID, in: sql)
                    .first { $0.createdAt < diagnostic.createdAt || ($0.createdAt == diagnostic.createdAt && $0.id < diagnostic.id) }
                if let earlier { previous = (try await DiagnosticQueries.answers(of: earlier.id, in: sql), earlier.storedScores) }
            }
            let mine = if let userID, diagnostic.associationId == nil { try await AssociationQueries.memberships(of: userID, in: sql) } else { [AssociationQueries.ListedAssociation]() }
            // What the association already keeps for its action plan, so the report shows it as kept.
            let saved = if access.canSaveSteps, let associationID = diagnostic.associationId {
                Set(try await SavedStepQueries.all(of: associationID, in: sql).map { "\($0.kind):\($0.reference)" })
            } else { Set<String>() }
            return (answers, previous, mine, saved)
        }
        let postcode: String? = if let associationID = diagnostic.associationId {
            try await services.database.read { try await AssociationQueries.find(id: associationID, in: $0) }?.postcode
        } else { nil }
        let questionnaire = services.questionnaire
        let report = Report.make(answers: answers, questionnaire: questionnaire, stored: diagnostic.storedScores)
        let previous = previousAnswers.map { Report.make(answers: $0.0, questionnaire: questionnaire, stored: $0.1) }
        let token = access.via == .token ? request.cookies[DiagnosticAccess.cookieName]?.value : nil
        var content = makeContent(report: report, previous: previous, access: access, answers: answers, attachable: mine, token: token, context: context, services: services)
        content.markSaved(saved)
        content.nearby = try await NearbyHelp.find(
            departement: answers["departement"].first, postcode: postcode, attention: report.attention.map(\.themeID),
            needs: services.recommender.all(tags: report.tags).prefix(5).map(\.need.id), services: services, language: context.language
        )
        return services.views.render("diagnostic-report", title: "diagnostic.report_title", content: content, context: context)
    }

    static func makeContent(
        report: Report, previous: Report?, access: DiagnosticAccess, answers: Answers, attachable: [AssociationQueries.ListedAssociation],
        token: String?, context: AppRequestContext, services: AppServices
    ) -> ReportContent {
        let views = services.views
        let questionnaire = services.questionnaire
        let diagnostic = access.diagnostic
        let id = diagnostic.id
        let comparison = previous.map { Comparison.between(previous: $0, current: report) }
        let radar = RadarChart(
            axes: report.themes.map { .init(label: ReportContent.shortLabel($0.title), value: $0.score) },
            previous: previous.map { $0.themes.map(\.score) },
            title: views.text("diagnostic.radar_title", context),
            description: report.themes.map { "\($0.title) : \($0.score.map(String.init) ?? "–")" }.joined(separator: " ; ")
        )
        let (answered, total) = answers.progress(in: questionnaire)
        let sheets = services.sheets
        return ReportContent(
            level: report.level?.rawValue,
            levelText: report.level.map { views.text("level.\($0.rawValue)", context) },
            overall: report.overall,
            radar: radar.svg(),
            themes: report.themes.map { score in
                let summary: String? = switch score.score {
                case .some: nil
                case nil where score.replied == 0: views.text("diagnostic.theme_unanswered", context)
                case nil where score.isSettled: views.text("diagnostic.theme_not_applicable", context)
                case nil: views.text("diagnostic.theme_unsettled", context, ["n": "\(score.replied)", "total": "\(score.questions)"])
                }
                let findings = questionnaire.theme(score.themeID).map { ThemeFindings.of($0, answers: answers) } ?? ThemeFindings()
                let groups = [
                    ("finding.in_place", findings.inPlace), ("finding.to_strengthen", findings.toStrengthen), ("finding.to_check", findings.toCheck),
                    ("finding.not_concerned", findings.notConcerned), ("finding.preferences", findings.preferences),
                ].filter { !$0.1.isEmpty }.map { ReportContent.FindingGroup(label: views.text($0.0, context), text: $0.1.joined(separator: " ")) }
                return .init(
                    title: score.title, score: score.score.map { "\($0)/100" } ?? "–", summary: summary, findings: groups,
                    dontKnow: score.dontKnow > 0 ? views.text("diagnostic.dont_know_count", context, ["n": "\(score.dontKnow)"]) : nil
                )
            },
            strengths: report.strengths.map(\.title),
            attention: report.attention.map(\.title),
            steps: report.nextSteps.map { step in
                let sheet = step.sheet.flatMap { slug in sheets.first { $0.slug == slug } }
                return .init(
                    title: step.title, text: step.text, kindLabel: views.text("step_kind.\(step.kind.rawValue)", context), isRisk: step.kind == .risk,
                    sheetLink: sheet.map { SiteURL.sheet($0.slug).path }, sheetTitle: sheet?.title, reference: step.id
                )
            },
            noSteps: !report.nextSteps.isEmpty ? nil
                : views.text(report.level == nil ? "diagnostic.no_steps_yet" : "diagnostic.no_steps", context),
            comparison: comparison?.changes.map { change in
                .init(
                    title: change.title, before: change.before.map(String.init) ?? "–", after: change.after.map(String.init) ?? "–",
                    change: change.delta.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–"
                )
            } ?? [],
            hasComparison: comparison != nil,
            comparisonOverall: comparison.flatMap { c in
                guard let before = c.overallBefore, let after = c.overallAfter else { return nil }
                return views.text("diagnostic.comparison_overall", context, ["before": "\(before)", "after": "\(after)"])
            },
            answered: answered, total: total, incomplete: answered < total,
            levelUnknown: report.level == nil && answered > 0 ? views.text("diagnostic.level_unknown", context, [
                "settled": "\(report.themes.filter(\.isSettled).count)", "total": "\(report.themes.count)",
                "needed": "\(Int((Double(report.themes.count) * Scoring.overallShare).rounded(.up)))",
            ]) : nil,
            keepLinks: keepLinks(diagnostic, attachable: attachable, context: context, services: services),
            unsettledThemes: report.themes.filter { !$0.isSettled }.compactMap { score in
                questionnaire.pages.firstIndex { if case .theme(let theme, _) = $0 { theme.id == score.themeID } else { false } }
                    .map { LinkView(title: score.title, link: SiteURL.diagnosticStep(id, step: String($0 + 1)).path) }
            },
            continueLink: SiteURL.diagnosticStep(id, step: String(questionnaire.firstIncompletePage(answers) + 1)).path,
            expiryNotice: diagnostic.associationId == nil ? diagnostic.expiresAt.map {
                views.text("diagnostic.expiry_notice", context, ["date": DateFormatting.day($0, language: context.language)])
            } : nil,
            resumeLink: token.map { services.absoluteURL(.diagnosticResume(token: $0)) },
            attachAction: SiteURL.diagnosticAttach(id).path,
            attachable: attachable.map { .init(value: $0.id, label: $0.name, selected: false) },
            canDelete: access.canDelete,
            deleteAction: SiteURL.diagnosticDelete(id).path,
            exportJSON: SiteURL.diagnosticExportJSON(id).path,
            exportCSV: SiteURL.diagnosticExportCSV(id).path,
            exportCSVSemicolon: SiteURL.diagnosticExportCSV(id).path + "?separateur=point-virgule",
            versionNotice: report.questionnaireVersion == questionnaire.version ? nil
                : views.text("diagnostic.version_notice", context, ["version": report.questionnaireVersion]),
            recommendations: recommendationGroups(report, context: context, services: services),
            sheets: sheetsToRead(report, services: services),
            saveAction: access.canSaveSteps ? diagnostic.associationId.map { SiteURL.associationSavedSteps($0).path } : nil,
            associationTools: !access.canSaveSteps ? [] : diagnostic.associationId.map { id in [
                LinkView(title: views.text("report.tool.inventory", context), link: SiteURL.inventory(id).path),
                LinkView(title: views.text("report.tool.handover", context), link: SiteURL.handover(id).path),
                LinkView(title: views.text("report.tool.register", context), link: SiteURL.register(id).path),
                LinkView(title: views.text("report.tool.breaches", context), link: SiteURL.breaches(id).path),
            ] } ?? [],
            diagnosticID: id
        )
    }

    /// The first five pieces of advice, most urgent first, then the others folded, said to exist.
    static func recommendationGroups(_ report: Report, context: AppRequestContext, services: AppServices) -> [ReportContent.RecommendationGroup] {
        let all = services.recommender.all(tags: report.tags).map { RecommendationView($0, views: services.views, context: context) }
        var groups = [ReportContent.RecommendationGroup(foldedSummary: nil, items: Array(all.prefix(5)))]
        if all.count > 5 {
            groups.append(.init(foldedSummary: services.views.text("reco.more", context, ["n": "\(all.count - 5)"]), items: Array(all.dropFirst(5))))
        }
        return all.isEmpty ? [] : groups
    }

    /// An anonymous diagnostic is kept by attaching it to an association: the way there, coming back
    /// to this report at each step (sign up or in, then create the association if there is none).
    static func keepLinks(_ diagnostic: Diagnostic, attachable: [AssociationQueries.ListedAssociation], context: AppRequestContext, services: AppServices) -> [LinkView] {
        guard diagnostic.associationId == nil else { return [] }
        let back = SiteURL.diagnosticReport(diagnostic.id)
        let views = services.views
        if context.identity == nil {
            return [
                LinkView(title: views.text("diagnostic.keep_sign_up", context), link: ReturnPath.link(.signUp, back: back)),
                LinkView(title: views.text("diagnostic.keep_sign_in", context), link: ReturnPath.link(.signIn, back: back)),
            ]
        }
        guard attachable.isEmpty else { return [] }
        return [LinkView(title: views.text("diagnostic.keep_new_association", context), link: ReturnPath.link(.newAssociation, back: back))]
    }

    /// Sheets on the themes that need attention, then on the other themes under 70, at most four,
    /// leaving out those the next steps already link to and those the answers say are not relevant.
    static func sheetsToRead(_ report: Report, services: AppServices) -> [LinkView] {
        let linked = Set(report.nextSteps.compactMap(\.sheet))
        let weak = report.themes.filter { ($0.score ?? 100) < 70 }.sorted { ($0.score ?? 100) < ($1.score ?? 100) }.map(\.themeID)
        var chosen: [AwarenessSheet] = []
        for theme in weak {
            for sheet in services.sheets where sheet.themes.contains(theme) && sheet.isRelevant(to: report.tags)
                && !linked.contains(sheet.slug) && !chosen.contains(sheet) && chosen.count < 4 {
                chosen.append(sheet)
            }
        }
        return chosen.map { .init(title: $0.title, link: SiteURL.sheet($0.slug).path) }
    }

    /// Attach to one of my associations: it then no longer expires, and the association's members see it.
    @Sendable static func attach(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        let user = try context.requireUser()
        let associationID = try context.decodeForm(AttachForm.self).association
        let id = access.diagnostic.id
        let attached = try await services.database.transaction { sql -> Bool in
            guard access.diagnostic.associationId == nil,
                try await AssociationQueries.access(associationID: associationID, userID: user.id, in: sql)?.isMember == true
            else { return false }
            try await DiagnosticQueries.attach(id, to: associationID, revokedTokenHash: PasswordResetController.hash(services.tokens.random()), in: sql)
            return true
        }
        var response = redirect(to: .diagnosticReport(id), flash: attached ? "diagnostic.attached" : "diagnostic.attach_refused")
        if attached {
            response.headers[values: .setCookie].append(DiagnosticAccess.expiredCookie(id: id, secure: services.configuration.secureCookies).description)
        }
        return response
    }

    struct DeleteContent: Sendable {
        let date: String
        let action: String
        let cancelLink: String
        let attached: Bool
    }

    /// Asks before deleting: deleting cannot be undone.
    @Sendable static func confirmDelete(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        guard access.canDelete else { throw PageError.forbidden }
        let id = access.diagnostic.id
        let content = DeleteContent(
            date: DateFormatting.dayAndTime(access.diagnostic.createdAt, language: context.language), action: SiteURL.diagnosticDelete(id).path,
            cancelLink: SiteURL.diagnosticReport(id).path, attached: access.diagnostic.associationId != nil
        )
        return services.views.render("diagnostic-delete", title: "diagnostic.delete_title", content: content, context: context)
    }

    @Sendable static func delete(_ request: Request, context: AppRequestContext, services: AppServices) async throws -> Response {
        let access = try await DiagnosticAccess.load(request, context: context, services: services)
        guard access.canDelete else { throw PageError.forbidden }
        try await services.database.write { try await DiagnosticQueries.delete(access.diagnostic.id, in: $0) }
        return redirect(to: .diagnosticIntro, flash: "diagnostic.deleted")
    }
}
