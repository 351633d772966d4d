/// One choice of a filter or of a form's list: its value, its label, how many results it would give
/// (0 where not counted), whether it is chosen.
struct FilterOption: Sendable {
    let value: String
    let label: String
    let count: Int
    let selected: Bool
}
