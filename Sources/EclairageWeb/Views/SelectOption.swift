/// One choice of a `<select>` or a group of boxes: its value, its label in the visitor's language, and
/// whether it is the one chosen.
struct SelectOption: Sendable, Equatable {
    let value: String
    let label: String
    let selected: Bool
}
