import EclairageDomain

/// The network's form for a survey: title, introduction, territory, days, and ten question slots
/// (an empty slot is skipped), all in one page that works without script.
enum SurveyFormPage {}

extension SurveyFormPage {
    struct Model: Sendable {
        let editing: Bool
        let action: String
        let backLink: String
        let form: FormState
        let territories: [SelectOption]
        let slots: [Slot]
    }

    struct Slot: Sendable {
        let number: Int
        let textField: String
        let text: String?
        let textError: String?
        let kindField: String
        let kinds: [SelectOption]
        let kindError: String?
        let optionsField: String
        let options: String?
        let optionsError: String?
        let requiredField: String
        let required: Bool
    }
}

extension SurveyFormPage.Model {
    static func make(
        editing id: String?, values: [String: String], errors: FieldErrors, context: AppRequestContext,
        services: AppServices
    ) -> Self {
        let views = services.views
        let order =
            ["title", "introduction", "territory", "opens", "closes"]
            + (1...SurveyFormFields.slots).flatMap { slot in
                ["text", "kind", "options"].map { SurveyFormFields.field(slot, $0) }
            }
        let form = FormState(values: values, errors: errors, order: order, views: views, context: context)
        let chosen = values["territory"] ?? Territory.whole.surveyText
        let territories =
            [
                SelectOption(
                    value: Territory.whole.surveyText, label: views.text("survey.whole", context), selected: false)
            ]
            + services.regions.map {
                SelectOption(
                    value: Territory.region($0.code).surveyText,
                    label: views.text("survey.region", context, ["name": $0.name]),
                    selected: false)
            }
            + services.departements.map {
                SelectOption(
                    value: Territory.departement($0.code).surveyText, label: "\($0.code) – \($0.name)", selected: false)
            }
        func text(_ field: String) -> String? { values[field].flatMap { $0.isEmpty ? nil : $0 } }
        return Self(
            editing: id != nil, action: id.map { SiteURL.surveyEdit($0).path } ?? SiteURL.newSurvey.path,
            backLink: SiteURL.surveys.path, form: form,
            territories: territories.map {
                SelectOption(value: $0.value, label: $0.label, selected: $0.value == chosen)
            },
            slots: (1...SurveyFormFields.slots).map { slot in
                let field = { SurveyFormFields.field(slot, $0) }
                let kind = values[field("kind")] ?? SurveyQuestion.Kind.single.rawValue
                return SurveyFormPage.Slot(
                    number: slot, textField: field("text"), text: text(field("text")),
                    textError: form.errors[field("text")], kindField: field("kind"),
                    kinds: SurveyQuestion.Kind.allCases.map {
                        SelectOption(
                            value: $0.rawValue, label: views.text("survey.kind.\($0.rawValue)", context),
                            selected: $0.rawValue == kind)
                    }, kindError: form.errors[field("kind")], optionsField: field("options"),
                    options: text(field("options")), optionsError: form.errors[field("options")],
                    requiredField: field("required"), required: !(values[field("required")] ?? "").isEmpty)
            })
    }
}
