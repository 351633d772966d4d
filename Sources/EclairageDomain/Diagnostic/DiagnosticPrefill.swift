/// What a new diagnostic of an association starts with, so that a retake is not a blank page: the
/// previous diagnostic's profile page, then the association's own profile where it says something
/// (it is the more recent). With `keepAll`, every previous answer too, to change only what moved.
/// Answers whose question or option no longer exists are left out.
public enum DiagnosticPrefill {
    public static func answers(
        profile: AssociationProfile?, previous: Answers?, questionnaire: Questionnaire, keepAll: Bool
    ) -> Answers {
        var choices: [String: [String]] = [:]
        let profileQuestions = questionnaire.context.filter { !$0.isToolQuestion }
        if let previous {
            let copied: [String] = keepAll ? Array(previous.choices.keys) : profileQuestions.map(\.id)
            for id in copied {
                let valid = previous[id].filter { questionnaire.accepts(question: id, option: $0) }
                if !valid.isEmpty { choices[id] = valid }
            }
        }
        if let profile {
            let fromProfile: [(String, String?)] = [
                ("taille", profile.size?.rawValue), ("salaries", profile.staff.map(staffOption)),
                ("budget", profile.budget?.rawValue),
                ("secteur", profile.sector.map(sectorOption)), ("departement", profile.departement),
            ]
            for case (let question, let option?) in fromProfile
            where questionnaire.accepts(question: question, option: option) {
                choices[question] = [option]
            }
        }
        return Answers(choices)
    }

    static func staffOption(_ band: StaffBand) -> String {
        switch band {
        case .none: "aucun"
        case .oneOrTwo: "1-a-2"
        case .threeToNine: "3-a-9"
        case .tenOrMore: "10-et-plus"
        }
    }

    static func sectorOption(_ sector: Sector) -> String {
        switch sector {
        case .social: "social-solidarite"
        case .education: "education-jeunesse"
        case .droits: "defense-des-droits"
        case .sport, .culture, .environnement, .sante, .loisirs, .autre: sector.rawValue
        }
    }
}

extension Questionnaire {
    /// Whether `option` is an answer this questionnaire knows for `question` (any département code
    /// passes for the département question; the web layer checks codes on input).
    public func accepts(question: String, option: String) -> Bool {
        if let context = context.first(where: { $0.id == question }) {
            return context.kind == .departement ? !option.isEmpty : context.options.contains { $0.id == option }
        }
        return self.option(question: question, option: option) != nil
    }
}
