/// A titled link, as lists of sheets, tools or needs show it.
struct LinkView: Sendable, Equatable {
    let title: String
    let link: String

}
