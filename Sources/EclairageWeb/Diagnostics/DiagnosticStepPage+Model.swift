import EclairageDomain

/// One page of the questionnaire as the template shows it.
enum DiagnosticStepPage {
    struct Model: Sendable {
        let heading: String
        let kicker: String
        let intro: String?
        let progressValue: Int
        let progressMax: Int
        let questions: [Question]
        let action: String
        let isFirst: Bool
        let isLast: Bool
        let error: String?
        let resumeLink: String?
        let reportLink: String
        let mailAction: String
        /// The address typed in the resume-link form, shown again when it could not be sent.
        let mailValue: String?
        /// The tools page when no usage was checked, a theme page whose questions are all folded under
        /// usages not checked: nothing to ask.
        let nothingToAsk: String?
        /// From page 2 on, once the first page is answered: how long *this* path takes, from the usages
        /// checked (`DiagnosticDuration.estimate(_:answers:)`), in all and from this page on.
        let pathDuration: String?

        struct Question: Sendable {
            let id: String
            let text: String
            let help: String?
            let isRadio: Bool
            let isCheckbox: Bool
            let isSelect: Bool
            let inputName: String
            let options: [Option]
        }

        struct Option: Sendable {
            let value: String
            let label: String
            let checked: Bool
            let inputID: String
        }
    }
}

extension DiagnosticStepPage.Model {
    /// Page `number` (from 1) of the questionnaire with `answers` checked; `token` gives the resume
    /// link (first page only), `error` and `mailValue` what a refused submission shows again.
    init(
        _ number: Int, answers: Answers, diagnosticID id: String, token: String?, error: String?, mailValue: String?,
        context: AppRequestContext, services: AppServices
    ) {
        let views = services.views
        let pages = services.questionnaire.pages
        let page = pages[number - 1]
        switch page {
        case .profile:
            heading = views.text("diagnostic.profile_heading", context)
            kicker = views.text("diagnostic.context_kicker", context, ["n": "1"])
            intro = views.text("diagnostic.profile_intro", context)
        case .tools:
            heading = views.text("diagnostic.tools_heading", context)
            kicker = views.text("diagnostic.context_kicker", context, ["n": "2"])
            intro = views.text("diagnostic.tools_intro", context)
        case .theme(let theme, let n):
            heading = theme.title
            kicker = views.text(
                "diagnostic.theme_kicker", context, ["n": "\(n)", "total": "\(services.questionnaire.themes.count)"])
            intro = theme.intro
        }
        questions = Self.questions(
            for: page, in: services.questionnaire, answers: answers, departements: services.departements,
            chooseLabel: views.text("choose_none", context))
        progressValue = number
        progressMax = pages.count
        action = SiteURL.diagnosticStep(id, step: String(number)).path
        isFirst = number == 1
        isLast = number == pages.count
        self.error = error
        resumeLink = token.map { services.absoluteURL(.diagnosticResume(token: $0)) }
        reportLink = SiteURL.diagnosticReport(id).path
        mailAction = SiteURL.diagnosticMailLink(id).path
        self.mailValue = mailValue
        switch page {
        case _ where !questions.isEmpty: nothingToAsk = nil
        case .theme: nothingToAsk = views.text("diagnostic.theme_nothing_to_ask", context)
        default: nothingToAsk = views.text("diagnostic.tools_nothing_to_ask", context)
        }
        if number > 1, !answers[Questionnaire.usagesQuestionID].isEmpty {
            let path = DiagnosticDuration.estimate(services.questionnaire, answers: answers)
            let left = DiagnosticDuration.estimate(services.questionnaire, answers: answers, fromPage: number)
            pathDuration = views.text(
                "diagnostic.path_duration", context,
                ["minutes": "\(path.announced)", "left": "\(left.announced)"])
        } else {
            pathDuration = nil
        }
    }

    static func questions(
        for page: QuestionnairePage, in questionnaire: Questionnaire, answers: Answers, departements: [Departement],
        chooseLabel: String
    ) -> [Question] {
        switch page {
        case .profile, .tools:
            let shown = Set(questionnaire.shownQuestionIDs(page, answers: answers))
            return questionnaire.context.filter { shown.contains($0.id) }.map { question in
                let chosen = answers[question.id]
                switch question.kind {
                case .departement:
                    let options =
                        [Option(value: "", label: chooseLabel, checked: chosen.isEmpty, inputID: "")]
                        + departements.map {
                            Option(
                                value: $0.code, label: "\($0.code) – \($0.name)", checked: chosen.contains($0.code),
                                inputID: "")
                        }
                    return Question(
                        id: question.id, text: question.text, help: question.help, isRadio: false, isCheckbox: false,
                        isSelect: true, inputName: "q.\(question.id)", options: options)
                case .single, .multiple:
                    return Question(
                        id: question.id, text: question.text, help: question.help,
                        isRadio: question.kind == .single, isCheckbox: question.kind == .multiple, isSelect: false,
                        inputName: "q.\(question.id)",
                        options: question.options.map {
                            Option(
                                value: $0.id, label: $0.label, checked: chosen.contains($0.id),
                                inputID: "\(question.id)--\($0.id)")
                        }
                    )
                }
            }
        case .theme(let theme, _):
            return theme.questions.filter { $0.isAsked(given: answers) }.map { question in
                Question(
                    id: question.id, text: question.text, help: question.help, isRadio: true, isCheckbox: false,
                    isSelect: false,
                    inputName: "q.\(question.id)",
                    options: question.options.map {
                        Option(
                            value: $0.id, label: $0.label, checked: answers[question.id].contains($0.id),
                            inputID: "\(question.id)--\($0.id)")
                    }
                )
            }
        }
    }
}
