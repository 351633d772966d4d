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
                let earlier =
                    if case .association = access.via {
                        try await DiagnosticQueries.previous(of: diagnostic, in: sql)
                    } else { Diagnostic?.none }
                let answers = try await DiagnosticQueries.answers(
                    of: [diagnostic.id] + [earlier?.id].compactMap { $0 }, in: sql)
                let previous = earlier.map { ($0.id, answers[$0.id] ?? Answers(), $0.scores) }
                let previousAt = earlier?.createdAt
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
                return Query(
                    answers: answers[diagnostic.id] ?? Answers(), previous: previous, attachable: attachable,
                    saved: saved, postcode: access.association?.postcode,
                    doneSince: doneSince)
            }
        }
    }
}
