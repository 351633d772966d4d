/// The diagnostic's forms: attaching, starting for an association, and a page of answers.
struct AttachForm: Decodable {
    @FormText var association: String
}

/// Starting an association's diagnostic: "reprendre" = 1 starts from all the previous answers.
struct StartForm: Decodable {
    @FormText var reprendre: String
}

/// A page of answers as sent. Each question's boxes repeat its name (`q.<question>`), which the form
/// decoder refuses, so the answers are read from the body's every value; blank values are dropped.
struct DiagnosticStepForm: Sendable {
    enum Direction: Sendable {
        case back, next, report
        /// Any other value: no page is marked complete, and the person goes forward.
        case other
    }

    let answers: [String: [String]]
    let direction: Direction

    init(_ form: FormData) {
        var answers: [String: [String]] = [:]
        for (name, values) in form.values where name.hasPrefix("q.") {
            let options = values.filter { !$0.isEmpty }
            if !options.isEmpty { answers[String(name.dropFirst(2))] = options }
        }
        self.answers = answers
        direction =
            switch form["direction"] {
            case nil, "next": .next
            case "back": .back
            case "report": .report
            default: .other
            }
    }
}
