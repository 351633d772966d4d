/// A survey written in the network's form rather than in a file: fixed fields, then up to ten
/// question slots (`question-N-text`, `-kind`, `-options` one per line, `-required`); an empty slot is
/// skipped. Questions are numbered by slot (`q3`), options by line (`1`, `2`…), so the form needs no ids.
public enum SurveyFormFields {
    public static let slots = SurveyDefinition.maxQuestions

    public static func field(_ slot: Int, _ part: String) -> String { "question-\(slot)-\(part)" }

    /// The definition the form describes, with the slot each question came from, and the slots whose
    /// kind is not one the form offers.
    public static func definition(
        title: String, introduction: String, territory: String, opens: String, closes: String,
        value: (String) -> String
    ) -> (definition: SurveyDefinition, slots: [Int], badKinds: [Int]) {
        var questions: [SurveyQuestion] = []
        var used: [Int] = []
        var badKinds: [Int] = []
        for slot in 1...slots {
            let text = SubmittedFields.trimmed(value(field(slot, "text")))
            let lines = value(field(slot, "options")).split(whereSeparator: \.isNewline).map {
                SubmittedFields.trimmed(String($0))
            }.filter { !$0.isEmpty }
            guard !text.isEmpty || !lines.isEmpty else { continue }
            guard let kind = SurveyQuestion.Kind(rawValue: value(field(slot, "kind"))) else {
                badKinds.append(slot)
                continue
            }
            let options = lines.enumerated().map { SurveyOption(id: "\($0.offset + 1)", label: $0.element) }
            questions.append(
                SurveyQuestion(
                    id: "q\(slot)", kind: kind, text: text, options: options.isEmpty ? nil : options,
                    required: value(field(slot, "required")).isEmpty ? nil : true))
            used.append(slot)
        }
        let definition = SurveyDefinition(
            title: SubmittedFields.trimmed(title), introduction: SubmittedFields.trimmed(introduction),
            territory: territory, opens: opens, closes: closes, questions: questions)
        return (definition, used, badKinds)
    }

    /// The form field a problem is about (`title`, `question-3-options`…); `slots` from `definition`.
    public static func field(of problem: SurveyProblem, slots: [Int]) -> String {
        guard case .key(let first)? = problem.path.first else { return "title" }
        guard first == "questions", problem.path.count > 2, case .index(let index) = problem.path[1],
            index < slots.count, case .key(let part) = problem.path[2]
        else { return first == "questions" ? field(1, "text") : first }
        return field(slots[index], part == "id" ? "text" : part)
    }

    /// The form's values for a definition (to edit it): the fixed fields and each question in its slot.
    public static func values(_ definition: SurveyDefinition) -> [String: String] {
        var values = [
            "title": definition.title, "introduction": definition.introduction, "territory": definition.territory,
            "opens": definition.opens, "closes": definition.closes,
        ]
        for (index, question) in definition.questions.prefix(slots).enumerated() {
            let slot = index + 1
            values[field(slot, "text")] = question.text
            values[field(slot, "kind")] = question.kind.rawValue
            values[field(slot, "options")] = (question.options ?? []).map(\.label).joined(separator: "\n")
            if question.isRequired { values[field(slot, "required")] = "1" }
        }
        return values
    }
}
