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
        /// The columns the schema requires, marked on their labels.
        let required: [String: Bool]
        let pivotUnknown: Bool
        /// The opening hours' grid: one row a day, two ranges.
        let week: [GridDay]

        struct GridDay: Sendable {
            let name: String
            let slots: [GridSlot]
        }

        struct GridSlot: Sendable {
            let from: GridField
            let to: GridField
            let number: Int
            let day: String
        }

        struct GridField: Sendable {
            let name: String
            let value: String
        }
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
            // Each message names its field, so the error summary reads on its own.
            let named = Dictionary(
                uniqueKeysWithValues: errors.map { column, message in
                    (column, schema.column(column).map { "\($0.label) : \(message)" } ?? message)
                })
            var values = form.values.merging(["contact": form.contact]) { a, _ in a }
            if form.hoursFromGrid { values["horaires"] = "" }
            if form.pivotUnknown { values["pivot"] = "" }
            self.form = FormState(
                values: values, messages: named,
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
            required = Dictionary(uniqueKeysWithValues: schema.columns.map { ($0.name, $0.required) })
            pivotUnknown = form.pivotUnknown
            week = OpeningHoursGrid.days.indices.map { day in
                let name = views.text("directory_day_\(OpeningHoursGrid.days[day].lowercased())", context)
                return GridDay(
                    name: name,
                    slots: (1...OpeningHoursGrid.slots).map { slot in
                        let from = PlaceFormBody.gridField(day, slot, "de")
                        let to = PlaceFormBody.gridField(day, slot, "a")
                        return GridSlot(
                            from: .init(name: from, value: form.grid[from] ?? ""),
                            to: .init(name: to, value: form.grid[to] ?? ""), number: slot, day: name)
                    })
            }
            maxLengths = Dictionary(
                uniqueKeysWithValues: schema.columns.compactMap { column in
                    column.maxLength.map { (column.name, String($0)) }
                })
        }
    }
}
