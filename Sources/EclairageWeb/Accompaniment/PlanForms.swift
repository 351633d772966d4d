import EclairageDomain

/// Forms of the action plan, as sent.
struct PlanStepBody: Decodable {
    @FormText var title: String
    @FormText var detail: String
    @FormText var owner: String
    @FormText var due: String
    @FormText var hours: String
    @FormText var euros: String
    @FormText var theme: String
    @FormText var training: String

    var form: PlanStepForm {
        PlanStepForm(
            title: title, detail: detail, owner: owner, due: due, hours: hours, euros: euros, theme: theme,
            training: training)
    }
    var values: [String: String] {
        [
            "title": title, "detail": detail, "owner": owner, "due": due, "hours": hours, "euros": euros,
            "theme": theme, "training": training,
        ]
    }
}

struct PlanStatusBody: Decodable {
    @FormText var step: String
    @FormText var status: String
    @FormText var reason: String
    @FormText var volunteer: String
    @FormText var advisor: String

    var form: PlanClosing {
        PlanClosing(status: status, reason: reason, volunteerMinutes: volunteer, advisorMinutes: advisor)
    }
}

struct VolunteerRateBody: Decodable {
    @FormText var rate: String
    @FormText var rule: String
}

struct PlanAnswerBody: Decodable {
    @FormText var step: String
    @FormText var answer: String
}
