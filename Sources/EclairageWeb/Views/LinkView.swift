/// A titled link, as lists of sheets, tools or needs show it.
struct LinkView: Sendable, TemplateFields {
    let title: String
    let link: String

    var templateFields: [String: Any] { ["title": title, "link": link] }
}
