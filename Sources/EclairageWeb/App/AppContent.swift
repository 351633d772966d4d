import EclairageDomain
import Foundation

/// What the application reads at start from its content folder and its resources: checked once, never
/// changed while it runs. Servers built on the same folder may share one (the tests build hundreds).
public struct AppContent: Sendable {
    let views: Views
    let regions: [Region]
    let departements: [Departement]
    let observatoryReferences: [ObservatoryReference]
    let questionnaire: Questionnaire
    let sheets: [AwarenessSheet]
    let catalogue: Catalogue
    let registerTemplates: [RegisterTemplate]
    let documentWording: DocumentWording
    let surveyFiles: [SurveyFile]

    /// Loads and cross-checks everything; a problem names the file, the line and the field.
    static func load(from content: URL) async throws -> AppContent {
        let views = try await Views.load()
        let regions = try Region.load(from: content)
        let departements = try Departement.load(from: content, regions: regions)
        let questionnaire = try QuestionnaireLoader.load(from: content)
        let sheets = try AwarenessSheet.loadAll(from: content, themeIDs: Set(questionnaire.themes.map(\.id)))
        let catalogue = try Catalogue.load(from: content)
        try catalogue.checkReferences(questionnaire: questionnaire, sheets: sheets)
        return AppContent(
            views: views, regions: regions, departements: departements,
            observatoryReferences: try ObservatoryReference.load(from: content), questionnaire: questionnaire,
            sheets: sheets, catalogue: catalogue, registerTemplates: try RegisterTemplate.loadAll(from: content),
            documentWording: try DocumentWording.load(from: content),
            surveyFiles: try SurveyFile.loadAll(
                from: content, departements: Set(departements.map(\.code)), regions: Set(regions.map(\.code))))
    }
}
