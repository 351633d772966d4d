import EclairageDomain

/// What a plan's steps add up to, as the plan and the association's page both show it: the accepted
/// steps (proposals waiting aside), how many are done, the progress line.
struct PlanProgress {
    let accepted: [PlanQueries.Step]
    let proposals: Int
    let done: Int

    init(_ steps: [PlanQueries.Step]) {
        accepted = steps.filter { $0.accepted != 0 }
        proposals = steps.count - accepted.count
        done = accepted.filter { PlanStatus(rawValue: $0.status)?.isDone == true }.count
    }

    /// Steps still to do or under way.
    var open: [PlanQueries.Step] { accepted.filter { PlanStatus(rawValue: $0.status)?.isOpen ?? true } }

    /// "1 étape(s) faite(s) sur 2".
    func text(_ context: AppRequestContext, views: Views) -> String {
        views.plural("plan.progress", count: done, context, ["done": "\(done)", "total": "\(accepted.count)"])
    }
}
