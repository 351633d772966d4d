import EclairageDomain
import Foundation

/// The report page's model: every figure comes from the domain's `Report`.
struct ReportContent: Sendable {
    let level: String?
    let levelText: String?
    let overall: Int?
    let radar: String
    let themes: [ThemeView]
    let strengths: [String]
    let attention: [String]
    var steps: [StepView]
    /// When no step comes out: "keep it up" only once the answers are complete enough to say so.
    let noSteps: String?
    let comparison: [ChangeView]
    let hasComparison: Bool
    let comparisonOverall: String?
    let answered: Int
    let total: Int
    let incomplete: Bool
    /// Why there is no level yet, while answers exist; and the themes to complete.
    let levelUnknown: String?
    /// Ways to keep an anonymous diagnostic: sign up or in, or create an association, then come back.
    let keepLinks: [LinkView]
    let unsettledThemes: [LinkView]
    let continueLink: String
    let expiryNotice: String?
    let resumeLink: String?
    let attachAction: String
    let attachable: [AssociationFormContent.Option]
    let canDelete: Bool
    let deleteAction: String
    let exportJSON: String
    let exportCSV: String
    /// The same CSV with semicolons, as French spreadsheets expect.
    let exportCSVSemicolon: String
    let versionNotice: String?
    /// The advice, most urgent first: the first five shown, the rest folded under "more".
    var recommendations: [RecommendationGroup]
    let sheets: [LinkView]
    let saveAction: String?
    /// For the association's members: where to act on the findings (inventory, handover, register, breaches).
    let associationTools: [LinkView]
    let diagnosticID: String

    struct ThemeView: Sendable {
        let title: String
        let score: String
        /// Only while the theme has no score: why ("not answered yet", "does not apply"…).
        let summary: String?
        /// What the answers say, group by group ("En place", "À renforcer"…), empty groups left out.
        let findings: [FindingGroup]
        let dontKnow: String?
    }

    /// One paragraph per group ("En place : …"): fewer elements than a list, the same reading.
    struct FindingGroup: Sendable {
        let label: String
        let text: String
    }

    struct StepView: Sendable {
        let title: String
        let text: String
        let kindLabel: String
        let isRisk: Bool
        let sheetLink: String?
        let sheetTitle: String?
        let reference: String
        /// Already kept for the association's action plan.
        var saved = false
    }

    struct RecommendationGroup: Sendable {
        /// Set for the folded group: "N more needs your answers point to".
        let foldedSummary: String?
        var items: [RecommendationView]
    }

    struct ChangeView: Sendable {
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
        for index in steps.indices { steps[index].saved = saved.contains("step:\(steps[index].reference)") }
        for group in recommendations.indices {
            for index in recommendations[group].items.indices {
                recommendations[group].items[index].saved = saved.contains("tool:\(recommendations[group].items[index].reference)")
            }
        }
    }
}
