import EclairageDomain

/// One page of the questionnaire as the template shows it.
struct StepContent: Sendable {
    let heading: String
    let kicker: String
    let intro: String?
    let progressValue: Int
    let progressMax: Int
    let questions: [QuestionView]
    let action: String
    let isFirst: Bool
    let isLast: Bool
    let error: String?
    let resumeLink: String?
    let reportLink: String
    let mailAction: String
    /// The address typed in the resume-link form, shown again when it could not be sent.
    var mailValue: String? = nil
    /// The tools page when no usage was checked: nothing to ask.
    let nothingToAsk: String?

    struct QuestionView: Sendable {
        let id: String
        let text: String
        let help: String?
        let isRadio: Bool
        let isCheckbox: Bool
        let isSelect: Bool
        let inputName: String
        let options: [OptionView]
    }

    struct OptionView: Sendable {
        let value: String
        let label: String
        let checked: Bool
        let inputID: String
    }

    static func questions(
        for page: QuestionnairePage, in questionnaire: Questionnaire, answers: Answers, departements: [Departement],
        chooseLabel: String
    ) -> [QuestionView] {
        switch page {
        case .profile, .tools:
            let shown = Set(questionnaire.shownQuestionIDs(page, answers: answers))
            return questionnaire.context.filter { shown.contains($0.id) }.map { question in
                let chosen = answers[question.id]
                switch question.kind {
                case .departement:
                    let options =
                        [OptionView(value: "", label: chooseLabel, checked: chosen.isEmpty, inputID: "")]
                        + departements.map {
                            OptionView(
                                value: $0.code, label: "\($0.code) – \($0.name)", checked: chosen.contains($0.code),
                                inputID: "")
                        }
                    return QuestionView(
                        id: question.id, text: question.text, help: question.help, isRadio: false, isCheckbox: false,
                        isSelect: true, inputName: "q.\(question.id)", options: options)
                case .single, .multiple:
                    return QuestionView(
                        id: question.id, text: question.text, help: question.help,
                        isRadio: question.kind == .single, isCheckbox: question.kind == .multiple, isSelect: false,
                        inputName: "q.\(question.id)",
                        options: question.options.map {
                            OptionView(
                                value: $0.id, label: $0.label, checked: chosen.contains($0.id),
                                inputID: "\(question.id)--\($0.id)")
                        }
                    )
                }
            }
        case .theme(let theme, _):
            return theme.questions.map { question in
                QuestionView(
                    id: question.id, text: question.text, help: question.help, isRadio: true, isCheckbox: false,
                    isSelect: false,
                    inputName: "q.\(question.id)",
                    options: question.options.map {
                        OptionView(
                            value: $0.id, label: $0.label, checked: answers[question.id].contains($0.id),
                            inputID: "\(question.id)--\($0.id)")
                    }
                )
            }
        }
    }
}
