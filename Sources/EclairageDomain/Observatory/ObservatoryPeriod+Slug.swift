/// How a period is written in addresses and files: "2026", "2026-t2", "2026-03".
extension ObservatoryPeriod {
    public init?(slug: String) {
        let parts = slug.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = parts.first.flatMap({ $0.count == 4 ? Int($0) : nil }), year >= 2000, year < 2200 else {
            return nil
        }
        switch parts.count {
        case 1: self = .year(year)
        case 2 where parts[1].count == 2 && parts[1].hasPrefix("t"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self = .quarter(year, quarter)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(year, month)
        default: return nil
        }
    }

    public var slug: String {
        switch self {
        case .year(let year): "\(year)"
        case .quarter(let year, let quarter): "\(year)-t\(quarter)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    public var year: Int {
        switch self {
        case .year(let year), .quarter(let year, _), .month(let year, _): year
        }
    }

    /// The periods directly inside this one: a year's quarters, a quarter's months; none for a month.
    public var children: [ObservatoryPeriod] {
        switch self {
        case .year(let year): (1...4).map { .quarter(year, $0) }
        case .quarter(let year, let quarter): (1...3).map { .month(year, (quarter - 1) * 3 + $0) }
        case .month: []
        }
    }

    /// The month a record's "YYYY-MM" names, its quarter and its year, or nil if it is not a month.
    public static func periods(ofMonth month: String) -> [ObservatoryPeriod]? {
        guard let period = ObservatoryPeriod(slug: month), case .month = period, let quarter = period.parent,
            let year = quarter.parent
        else { return nil }
        return [period, quarter, year]
    }
}

/// How a territory is written in addresses and files: "ensemble", "region-84", "departement-69".
extension Territory {
    public init?(slug: String) {
        if slug == "ensemble" {
            self = .whole
        } else if slug.hasPrefix("region-"), slug.count > 7 {
            self = .region(String(slug.dropFirst(7)))
        } else if slug.hasPrefix("departement-"), slug.count > 12 {
            self = .departement(String(slug.dropFirst(12)))
        } else {
            return nil
        }
    }

    public var slug: String {
        switch self {
        case .whole: "ensemble"
        case .region(let code): "region-\(code)"
        case .departement(let code): "departement-\(code)"
        }
    }
}
