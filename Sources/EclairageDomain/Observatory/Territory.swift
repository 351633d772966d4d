/// Where an observatory figure applies: the whole instance, a région or a département, each given by
/// its official code ("84", "69"). The whole instance contains the régions, a région its départements.
public enum Territory: Hashable, Sendable, Comparable {
    case whole
    case region(String)
    case departement(String)

    /// The whole instance first, then the régions, then the départements, each in code order, so that
    /// every list of territories comes out in the same order on every run.
    public static func < (lhs: Territory, rhs: Territory) -> Bool {
        (lhs.rank, lhs.code) < (rhs.rank, rhs.code)
    }

    private var rank: Int {
        switch self {
        case .whole: 0
        case .region: 1
        case .departement: 2
        }
    }

    private var code: String {
        switch self {
        case .whole: ""
        case .region(let code), .departement(let code): code
        }
    }
}

/// Which région each département belongs to, given as data (département code → région code) so that the
/// observatory follows whatever map the instance uses. A département missing from the map sits directly
/// under the whole instance.
public struct TerritoryMap: Sendable, Equatable {
    public var regionOfDepartement: [String: String]

    public init(regionOfDepartement: [String: String]) {
        self.regionOfDepartement = regionOfDepartement
    }

    /// The territory that directly contains this one, or nil for the whole instance.
    public func parent(of territory: Territory) -> Territory? {
        switch territory {
        case .whole: nil
        case .region: .whole
        case .departement(let code): regionOfDepartement[code].map(Territory.region) ?? .whole
        }
    }
}
