import EclairageDomain

/// The territories the observatory knows, from the content's régions and départements: their names
/// and the territories one level down.
struct ObservatoryTerritories: Sendable {
    let regions: [Region]
    let departements: [Departement]

    /// Whether the territory exists in the content (an address naming another one is refused).
    func knows(_ territory: Territory) -> Bool {
        switch territory {
        case .whole: true
        case .region(let code): regions.contains { $0.code == code }
        case .departement(let code): departements.contains { $0.code == code }
        }
    }

    func name(_ territory: Territory, views: Views, context: AppRequestContext) -> String {
        switch territory {
        case .whole: views.text("observatory.whole", context)
        case .region(let code): regions.first { $0.code == code }?.name ?? code
        case .departement(let code): (departements.first { $0.code == code }?.name ?? code) + " (\(code))"
        }
    }

    func children(of territory: Territory) -> [Territory] {
        switch territory {
        case .whole: regions.map { .region($0.code) }
        case .region(let code): departements.filter { $0.region == code }.map { .departement($0.code) }
        case .departement: []
        }
    }

    /// Every territory, the whole first, then the régions and their départements.
    var all: [Territory] {
        [.whole] + regions.flatMap { region in [.region(region.code)] + children(of: .region(region.code)) }
    }
}

extension AppServices {
    var observatoryTerritories: ObservatoryTerritories {
        ObservatoryTerritories(regions: content.regions, departements: content.departements)
    }
}
