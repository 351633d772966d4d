import EclairageDomain

/// The observatory of one territory over one period: its headline figures, then one section per
/// indicator (chart and table), the territories and periods one level down, the national reference
/// figures beside the local ones. Hidden figures say why. Printable; the same as CSV.
enum ObservatoryPage {}

extension ObservatoryPage {
    struct Model: Sendable {
        let indexLink: String
        let territoryName: String
        let periodLabel: String
        let builtAt: String?
        let pending: Bool
        let empty: Bool
        /// A month: only the counts; the detail is by quarter and year.
        let monthNote: [LinkView]?
        let upLinks: [LinkView]
        let headline: [Row]
        let versions: String?
        let sections: [Section]
        let csvLink: String
        let publication: Publication?
    }

    struct Section: Sendable {
        let id: String
        let heading: String
        let note: String?
        let svg: String?
        let headers: [String]
        let rows: [Row]
        /// Stored, for the template (which reads stored properties only).
        let hasRows: Bool
    }

    struct Row: Sendable {
        let label: String
        let link: String?
        let cells: [String]
    }

    struct Publication: Sendable {
        let action: String
        let published: Bool
    }
}

extension ObservatoryPage.Model {
    static func make(
        _ query: ObservatoryPage.Query, network: Bool, context: AppRequestContext, services: AppServices
    ) -> Self {
        let figures = ObservatoryFigures(query: query, context: context, services: services)
        let place = services.observatoryTerritories
        let name = place.name(query.territory, views: services.views, context: context)
        var up: [LinkView] = []
        if let parent = services.observatoryMap.parent(of: query.territory) {
            up.append(
                LinkView(
                    title: place.name(parent, views: services.views, context: context),
                    link: SiteURL.observatoryPage(parent.slug, query.period.slug).path))
        }
        if let parent = query.period.parent {
            up.append(
                LinkView(
                    title: figures.label(parent), link: SiteURL.observatoryPage(query.territory.slug, parent.slug).path)
            )
        }
        let isMonth = !ObservatoryCube.splitsByCategory(query.period)
        return Self(
            indexLink: SiteURL.observatory.path, territoryName: name, periodLabel: figures.label(query.period),
            builtAt: query.year?.builtAt.map { DateFormatting.dayAndTime($0, language: context.language) },
            pending: query.year?.pending == 1, empty: query.cells.isEmpty, monthNote: isMonth ? up.suffix(1) : nil,
            upLinks: up, headline: figures.headline, versions: figures.versions,
            sections: figures.sections(children: place.children(of: query.territory), names: place),
            csvLink: SiteURL.observatoryCSV(query.territory.slug, query.period.slug).path,
            publication: network && context.identity?.editor == true
                ? ObservatoryPage.Publication(
                    action: SiteURL.observatoryPublication(query.territory.slug).path, published: query.published)
                : nil)
    }
}

extension ObservatoryPage.Model {
    /// The page as CSV: the territory and period, then each section's rows under its heading, hidden
    /// figures with their reason as on the page.
    func csvLines(context: AppRequestContext, services: AppServices) -> [[String]] {
        var lines = [[services.views.text("observatory.territory", context), territoryName, periodLabel]]
        lines += headline.map { [$0.label] + $0.cells }
        for section in sections {
            lines.append([])
            lines.append([section.heading] + section.headers.dropFirst())
            lines += section.rows.map { [$0.label] + $0.cells }
        }
        return lines
    }
}
