import EclairageDomain
import Foundation

/// The reads of a survey's results: its answers' choices counted per territory and protected (k ≥ 5,
/// with what subtraction would reveal), and, for the network only, the free texts.
extension SurveyResultsPage {
    struct Query: Sendable {
        let survey: SurveyRow
        let territories: [Territory]
        let tables: [ProtectedTable]
        /// nil for an advisor: free texts are the network's only.
        let texts: [SurveyAnswers]?

        /// nil when no survey has this id.
        static func load(id: String, reader: SurveyReader, services: AppServices) async throws -> Query? {
            let map = services.surveyMap
            let found = try await services.database.read { sql -> (SurveyRow, [SurveyQueries.Counted], [String])? in
                guard let survey = try await SurveyQueries.find(id: id, in: sql) else { return nil }
                let texts = reader == .network ? try await SurveyQueries.texts(of: id, in: sql).map(\.texts) : []
                return (survey, try await SurveyQueries.choices(of: id, in: sql), texts)
            }
            guard let (survey, counted, texts) = found else { return nil }
            let responses = counted.map {
                SurveyTables.Response(
                    departement: $0.departement,
                    choices: (try? JSONDecoder().decode([String: [String]].self, from: Data($0.choices.utf8))) ?? [:])
            }
            let tables = SurveyTables.build(
                survey.survey.questions, area: survey.area, period: survey.period, responses: responses, map: map)
            return Query(
                survey: survey, territories: SurveyTables.territories(of: survey.area, responses: responses, map: map),
                tables: SurveyTables.protect(tables, map: map),
                texts: reader == .network
                    ? texts.map {
                        SurveyAnswers(
                            texts: (try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))) ?? [:])
                    } : nil)
        }
    }
}
