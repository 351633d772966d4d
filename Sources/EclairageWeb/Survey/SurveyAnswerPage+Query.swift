import EclairageDomain

/// The reads of a survey's answer page: the survey by its link, the signed-in person's associations
/// that may answer (inside the territory, with a département known), and the answer already given.
extension SurveyAnswerPage {
    struct Query: Sendable {
        let survey: SurveyRow
        let associations: [AssociationQueries.ListedAssociation]
        /// The association answering: the one asked for when it may answer, else the first that may.
        let chosen: AssociationQueries.ListedAssociation?
        let previous: SurveyResponseRow?
        /// The person's associations whose profile names no département: they cannot answer until it does.
        let withoutDepartement: [AssociationQueries.ListedAssociation]

        /// nil when no survey has this link.
        static func load(
            token: String, userID: String?, association asked: String?, browserToken: String?, services: AppServices
        ) async throws -> Query? {
            let map = services.surveyMap
            return try await services.database.read { sql in
                guard let survey = try await SurveyQueries.find(token: token, in: sql) else { return nil }
                let area = survey.area
                let memberships = try await userID.asyncMap {
                    try await AssociationQueries.memberships(of: $0, in: sql)
                }
                let associations = memberships.filter {
                    $0.departement.map { area.contains(departement: $0, map: map) } ?? false
                }
                let chosen = associations.first { $0.id == asked } ?? associations.first
                let respondent: SurveyRespondent? =
                    if let chosen, let departement = chosen.departement {
                        .association(id: chosen.id, departement: departement)
                    } else {
                        browserToken.map { .browser(token: $0) }
                    }
                var previous: SurveyResponseRow?
                if let respondent {
                    previous = try await SurveyQueries.response(of: survey.id, respondent: respondent.key, in: sql)
                }
                return Query(
                    survey: survey, associations: associations, chosen: chosen, previous: previous,
                    withoutDepartement: memberships.filter { $0.departement == nil })
            }
        }
    }
}

extension Optional {
    /// The memberships of a signed-in person, none for a visitor.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> [T]) async rethrows -> [T] {
        guard let value = self else { return [] }
        return try await transform(value)
    }
}
