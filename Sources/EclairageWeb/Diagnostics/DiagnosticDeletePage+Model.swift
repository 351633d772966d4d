import EclairageDomain

/// The page that asks before deleting a diagnostic (deleting cannot be undone).
enum DiagnosticDeletePage {
    struct Model: Sendable {
        let date: String
        let action: String
        let cancelLink: String
        let attached: Bool

        init(_ diagnostic: Diagnostic, language: Language) {
            date = DateFormatting.dayAndTime(diagnostic.createdAt, language: language)
            action = SiteURL.diagnosticDelete(diagnostic.id).path
            cancelLink = SiteURL.diagnosticReport(diagnostic.id).path
            attached = diagnostic.associationId != nil
        }
    }
}
