import EclairageDomain

/// One awareness sheet, with the catalogue's tools and needs it names.
enum SheetPage {
    struct Model: Sendable {
        let title: String
        let summary: String
        let html: String
        let listLink = SiteURL.sheets.path
        let tools: [LinkView]
        let needs: [LinkView]
        /// What Éclairage itself offers on the sheet's subject, reached from the association's page.
        let inEclairage: [String]
        let associationsLink = SiteURL.associations.path

        init(_ sheet: AwarenessSheet, catalogue: Catalogue, views: Views, context: AppRequestContext) {
            title = sheet.title
            summary = sheet.summary
            html = sheet.html
            tools = sheet.tools.compactMap(catalogue.tool).map {
                .init(title: $0.name, link: SiteURL.tool($0.slug).path)
            }
            needs = sheet.needs.compactMap(catalogue.need).map { .init(title: $0.name, link: SiteURL.need($0.id).path) }
            inEclairage = sheet.inEclairage.map { views.text("sheet.in_eclairage.\($0)", context) }
        }
    }
}
