import EclairageDomain

/// The list of awareness sheets ("fiches repères").
enum SheetListPage {
    struct Model: Sendable {
        let sheets: [Item]

        struct Item: Sendable {
            let title: String
            let summary: String
            let link: String
        }

        init(_ sheets: [AwarenessSheet]) {
            self.sheets = sheets.map { Item(title: $0.title, summary: $0.summary, link: SiteURL.sheet($0.slug).path) }
        }
    }
}
