import EclairageDomain
import SQLKit

extension DiagnosticReportPage {
    /// What the report page reads, in one read.
    struct Query: Sendable {
        let answers: Answers
        /// The association's previous diagnostic: only for those the association lets in.
        /// (`scores`: its stored figures as JSON.)
        let previous: (id: String, answers: Answers, scores: String?)?
        /// The signed-in person's associations, to attach an anonymous diagnostic to.
        let attachable: [AssociationQueries.ListedAssociation]
        /// What the association already keeps for its action plan (`kind:reference`), shown as kept.
        let saved: Set<String>
        let postcode: String?
        /// For members, with a previous diagnostic: the plan's steps done since it, which may have
        /// moved a theme.
        var doneSince: [PlanQueries.Step] = []

        static func load(_ access: DiagnosticAccess, userID: String?, services: AppServices) async throws -> Query {
            let diagnostic = access.diagnostic
            return try await services.database.read { sql in
                let answers = try await DiagnosticQueries.answers(of: diagnostic.id, in: sql)
                var previous: (id: String, answers: Answers, scores: String?)?
                var previousAt: Int64?
                if case .association = access.via, let associationID = diagnostic.associationId {
                    let earlier = try await DiagnosticQueries.of(association: associationID, in: sql)
                        .first {
                            $0.createdAt < diagnostic.createdAt
                                || ($0.createdAt == diagnostic.createdAt && $0.id < diagnostic.id)
                        }
                    if let earlier {
                        previousAt = earlier.createdAt
                        previous = (
                            earlier.id, try await DiagnosticQueries.answers(of: earlier.id, in: sql),
                            earlier.scores
                        )
                    }
                }
                let attachable =
                    if let userID, diagnostic.associationId == nil {
                        try await AssociationQueries.memberships(of: userID, in: sql)
                    } else { [AssociationQueries.ListedAssociation]() }
                let plan =
                    if access.canSaveSteps, let associationID = diagnostic.associationId {
                        try await PlanQueries.all(of: associationID, in: sql)
                    } else { [PlanQueries.Step]() }
                let saved = Set(plan.map { "\($0.kind):\($0.reference)" })
                let doneSince = plan.filter { step in
                    guard let previousAt, let closed = step.closedAt, PlanStatus(rawValue: step.status)?.isDone == true
                    else { return false }
                    return closed > previousAt && closed <= diagnostic.updatedAt
                }
                let postcode =
                    if let associationID = diagnostic.associationId {
                        try await AssociationQueries.find(id: associationID, in: sql)?.postcode
                    } else { String?.none }
                return Query(
                    answers: answers, previous: previous, attachable: attachable, saved: saved, postcode: postcode,
                    doneSince: doneSince)
            }
        }
    }
}
