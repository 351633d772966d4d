/// What is wrong with a survey's definition: where (a path such as `questions`, 2, `options`) and
/// what. The same list serves the data files (a `ContentError` with the line) and the network's form
/// (a message per field, its key `survey.error.<code>`).
public struct SurveyProblem: Sendable, Equatable {
    public enum Code: String, Sendable {
        case titleMissing = "title_missing"
        case titleTooLong = "title_too_long"
        case introductionTooLong = "introduction_too_long"
        case territoryUnknown = "territory_unknown"
        case dayInvalid = "day_invalid"
        case closesBeforeOpens = "closes_before_opens"
        case noQuestion = "no_question"
        case tooManyQuestions = "too_many_questions"
        case questionIDInvalid = "question_id_invalid"
        case questionIDTwice = "question_id_twice"
        case questionTextMissing = "question_text_missing"
        case questionTextTooLong = "question_text_too_long"
        case optionsMissing = "options_missing"
        case tooManyOptions = "too_many_options"
        case optionsNotAllowed = "options_not_allowed"
        case optionIDInvalid = "option_id_invalid"
        case optionIDTwice = "option_id_twice"
        case optionLabelMissing = "option_label_missing"

        /// In French, for the errors of a data file (read by whoever writes it).
        public var message: String {
            switch self {
            case .titleMissing: "le titre est vide"
            case .titleTooLong: "le titre dépasse \(SurveyDefinition.maxTitle) caractères"
            case .introductionTooLong: "l'introduction dépasse \(SurveyDefinition.maxIntroduction) caractères"
            case .territoryUnknown:
                "territoire inconnu : « whole », « departement CODE » ou « region CODE » d'un code connu"
            case .dayInvalid: "date invalide (attendu : AAAA-MM-JJ)"
            case .closesBeforeOpens: "la clôture tombe avant l'ouverture"
            case .noQuestion: "aucune question"
            case .tooManyQuestions: "plus de \(SurveyDefinition.maxQuestions) questions"
            case .questionIDInvalid: "identifiant invalide (lettres minuscules, chiffres et tirets)"
            case .questionIDTwice: "identifiant de question en double"
            case .questionTextMissing: "l'intitulé de la question est vide"
            case .questionTextTooLong: "l'intitulé dépasse \(SurveyDefinition.maxQuestionText) caractères"
            case .optionsMissing: "il faut de 2 à \(SurveyDefinition.maxOptions) options pour ce type de question"
            case .tooManyOptions: "plus de \(SurveyDefinition.maxOptions) options"
            case .optionsNotAllowed: "pas d'options pour une échelle ou un texte libre"
            case .optionIDInvalid: "identifiant d'option invalide (lettres minuscules, chiffres et tirets)"
            case .optionIDTwice: "identifiant d'option en double"
            case .optionLabelMissing:
                "le libellé de l'option est vide ou dépasse \(SurveyDefinition.maxOptionLabel) caractères"
            }
        }
    }

    /// Field names and indices from the definition's root, as the decoder would name them.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public var path: [Step]
    public var code: Code

    public init(_ path: [Step], _ code: Code) {
        self.path = path
        self.code = code
    }
}

extension SurveyDefinition {
    public static let maxTitle = 200
    public static let maxIntroduction = 2000
    public static let maxQuestionText = 500
    public static let maxOptions = 12
    public static let maxOptionLabel = 200

    /// Everything wrong with the definition, in the order of its fields. `departements` and `regions`
    /// are the codes the instance knows.
    public func problems(departements: Set<String>, regions: Set<String>) -> [SurveyProblem] {
        var found: [SurveyProblem] = []
        func add(_ path: [SurveyProblem.Step], _ code: SurveyProblem.Code) { found.append(.init(path, code)) }
        let title = SubmittedFields.trimmed(title)
        if title.isEmpty { add([.key("title")], .titleMissing) }
        if title.count > Self.maxTitle { add([.key("title")], .titleTooLong) }
        if introduction.count > Self.maxIntroduction { add([.key("introduction")], .introductionTooLong) }
        switch area {
        case .whole: break
        case .departement(let code) where departements.contains(code): break
        case .region(let code) where regions.contains(code): break
        default: add([.key("territory")], .territoryUnknown)
        }
        if opensDay == nil { add([.key("opens")], .dayInvalid) }
        if closesDay == nil { add([.key("closes")], .dayInvalid) }
        if let opens = opensDay, let closes = closesDay, closes < opens { add([.key("closes")], .closesBeforeOpens) }
        if questions.isEmpty { add([.key("questions")], .noQuestion) }
        if questions.count > Self.maxQuestions { add([.key("questions")], .tooManyQuestions) }
        var ids = Set<String>()
        for (index, question) in questions.enumerated() {
            let path: [SurveyProblem.Step] = [.key("questions"), .index(index)]
            if !Self.isIdentifier(question.id) {
                add(path + [.key("id")], .questionIDInvalid)
            } else if !ids.insert(question.id).inserted {
                add(path + [.key("id")], .questionIDTwice)
            }
            let text = SubmittedFields.trimmed(question.text)
            if text.isEmpty { add(path + [.key("text")], .questionTextMissing) }
            if text.count > Self.maxQuestionText { add(path + [.key("text")], .questionTextTooLong) }
            found += Self.optionProblems(question, path: path)
        }
        return found
    }

    static func optionProblems(_ question: SurveyQuestion, path: [SurveyProblem.Step]) -> [SurveyProblem] {
        let options = question.options ?? []
        let here = path + [.key("options")]
        switch question.kind {
        case .scale, .text:
            return options.isEmpty ? [] : [.init(here, .optionsNotAllowed)]
        case .single, .multiple:
            if options.count < 2 { return [.init(here, .optionsMissing)] }
            if options.count > maxOptions { return [.init(here, .tooManyOptions)] }
        }
        var found: [SurveyProblem] = []
        var ids = Set<String>()
        for (index, option) in options.enumerated() {
            let path = here + [.index(index)]
            if !isIdentifier(option.id) {
                found.append(.init(path + [.key("id")], .optionIDInvalid))
            } else if !ids.insert(option.id).inserted {
                found.append(.init(path + [.key("id")], .optionIDTwice))
            }
            let label = SubmittedFields.trimmed(option.label)
            if label.isEmpty || label.count > maxOptionLabel {
                found.append(.init(path + [.key("label")], .optionLabelMissing))
            }
        }
        return found
    }

    /// Lower-case letters, digits and hyphens, 1 to 40 characters: ids stay readable in the CSV.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
