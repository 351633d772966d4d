import EclairageDomain

/// The form that proposes a place, or edits a listing through the link sent to it.
enum PlaceFormPage {
    struct Model: Sendable {
        let form: FormState
        let action: String
        let editing: Bool
        let lists: [ListField]
        let duplicates: [LinkView]
        let askContact: Bool
        /// The schema's `max_length` of each column, as the fields' `maxlength`.
        let maxLengths: [String: String]
        /// Through the place's edit link, a signed-in account may confirm it belongs to the place's team
        /// (and so manage its trainings): the form's action (calendar's place managers).
        var managerAction: String? = nil

        struct ListField: Sendable {
            let name: String
            let legend: String
            let options: [FilterOption]
        }

        init(
            _ form: PlaceFormBody, errors: [String: String], action: SiteURL, editing: Bool,
            duplicates: [LinkView] = [], services: AppServices, context: AppRequestContext
        ) {
            let views = services.views
            let schema = services.directory.schema
            self.form = FormState(
                values: form.values.merging(["contact": form.contact]) { a, _ in a }, messages: errors,
                order: PlaceFormBody.textFields + PlaceFormBody.listFields, views: views, context: context)
            self.action = action.path
            self.editing = editing
            let ticked = form.lists
            lists = PlaceFormBody.listFields.map { name in
                ListField(
                    name: name, legend: views.text("directory_field_\(name)", context),
                    options: schema.values(name).map {
                        .init(value: $0, label: $0, count: 0, selected: ticked[name]?.contains($0) == true)
                    })
            }
            self.duplicates = duplicates
            askContact = !editing
            maxLengths = Dictionary(
                uniqueKeysWithValues: schema.columns.compactMap { column in
                    column.maxLength.map { (column.name, String($0)) }
                })
        }
    }
}
