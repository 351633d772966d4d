import EclairageDomain

/// What the report page and an association's page compute from diagnostics' answers, kept in
/// `ComputedCache`s: a value is served only while the answers and stored figures it was made from
/// are the same (compared whole), so a changed answer is seen at once, on every server. The content
/// (questionnaire, catalogue, sheets, words) is the services' own: new content is a new process, a
/// new cache. Only what the answers give is kept; what depends on who reads (names, tokens, what
/// they may do, the steps their association kept) is made on each request.
final class ReportCache: Sendable {
    /// What a diagnostic's figures are computed from.
    struct Basis: Equatable, Sendable {
        let answers: Answers
        /// The stored figures as the row keeps them (JSON): the same text, the same figures, and
        /// a hit decodes nothing.
        let scores: String?
    }

    /// A diagnostic's `Report` and the advice for its tags, most urgent first.
    struct Computed: Sendable {
        let report: Report
        let advice: [Recommendation]
    }

    /// A report page is computed from the diagnostic's answers and, for those the association lets
    /// in, the previous diagnostic's (the comparison).
    struct PageBasis: Equatable, Sendable {
        let current: Basis
        let previous: Basis?
    }

    /// By diagnostic.
    let reports: ComputedCache<Basis, Computed>
    /// By diagnostic, the previous one, the association whose member reads (links to its tools),
    /// language and audience: the page's model without its per-person shell.
    let pages: ComputedCache<PageBasis, DiagnosticReportPage.Model>

    init(reports: Int = 2_000, pages: Int = 256) {
        self.reports = ComputedCache(capacity: reports)
        self.pages = ComputedCache(capacity: pages)
    }

    func report(of id: String, answers: Answers, scores: String?, services: AppServices) -> Computed {
        reports.value(for: id, basis: Basis(answers: answers, scores: scores)) {
            let report = Report.make(
                answers: answers, questionnaire: services.questionnaire, stored: Diagnostic.scores(from: scores))
            return Computed(report: report, advice: services.recommender.all(tags: report.tags))
        }
    }
}
