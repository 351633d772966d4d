import EclairageDomain

/// The observatory's home: a territory and a period to choose, the territories the network made
/// public, and for the network a word on who reads what.
enum ObservatoryIndexPage {}

extension ObservatoryIndexPage {
    struct Model: Sendable {
        let action: String
        let territories: [SelectOption]
        let periods: [SelectOption]
        let published: [LinkView]
        let hasPublished: Bool
        let network: Bool
        let empty: Bool
    }
}

extension ObservatoryIndexPage.Model {
    static func make(
        years: [Int], published: Set<String>, network: Bool, context: AppRequestContext, services: AppServices
    ) -> Self {
        let place = services.observatoryTerritories
        let visible = place.all.filter { network || published.contains($0.slug) }
        let label = { (territory: Territory) in
            let name = place.name(territory, views: services.views, context: context)
            guard case .departement = territory else { return name }
            return "— " + name
        }
        let current = years.first ?? ParisTime(unixTime: services.time.now()).year
        let periods = years.flatMap { year -> [ObservatoryPeriod] in
            let quarters = ObservatoryPeriod.year(year).children
            return [.year(year)] + quarters + quarters.flatMap(\.children)
        }
        let links = place.all.filter { published.contains($0.slug) }.map {
            LinkView(
                title: place.name($0, views: services.views, context: context),
                link: SiteURL.observatoryPage($0.slug, "\(current)").path)
        }
        return Self(
            action: SiteURL.observatory.path,
            territories: visible.map { SelectOption(value: $0.slug, label: label($0), selected: false) },
            periods: periods.map {
                SelectOption(
                    value: $0.slug, label: DateFormatting.period($0, language: context.language), selected: false)
            },
            published: links, hasPublished: !links.isEmpty, network: network, empty: visible.isEmpty || years.isEmpty)
    }
}
