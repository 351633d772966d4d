/// Every figure the observatory publishes for one calendar year, for every territory (the whole
/// instance, its régions, its départements) and every period of the year (the year, its quarters, its
/// months), after disclosure control: what the observatory's pages and files show, computed at once
/// so that suppression holds across all of them.
///
/// A unit (an association, or an anonymous diagnostic) counts once per period, with its latest
/// completed diagnostic in it. A diagnostic whose département is not known counts nowhere, not even
/// in the whole instance: the whole minus its régions would single it out, and protecting it would
/// hide every figure of its periods. Tables:
/// - `associations`: units; `diagnostics`: completed diagnostics (resting on the units, hidden with them);
/// - `levels`: units by overall level A–E (they add up to `associations`);
/// - `scores`: mean and spread of the overall score (`overall`) and of each theme's, by theme id;
/// - `attention`, `tools`, `free-software`, `difficulties`: units carrying each tag of that kind
///   (a unit may carry several: these categories do not add up).
///
/// Years do not add up to anything published, and the categories of tables that do not add up form
/// no sum together, so suppression runs on each such independent part on its own (the same result as
/// all at once, far faster): the counts and levels together, then each category of each other table.
public struct ObservatoryCube: Sendable {
    public static let overall = "overall"
    public static let countTables = ["attention", "tools", "free-software", "difficulties"]

    public let year: Int
    let tallies: [CellKey: ObservatoryTally]

    /// The cube of `year` from the records given (records of other years are ignored).
    public init(year: Int, records: [CountedRecord], map: TerritoryMap) {
        var builder = Builder(year: year, map: map)
        for counted in records { builder.add(counted) }
        self = builder.cube
    }

    init(year: Int, tallies: [CellKey: ObservatoryTally]) {
        self.year = year
        self.tallies = tallies
    }

    /// Builds the cube one record at a time, so that a year of records need not be held at once:
    /// an anonymous diagnostic (a unit of its own) is counted as it comes; of an association's, only
    /// the latest one in each period is kept until the end.
    public struct Builder: Sendable {
        let year: Int
        let map: TerritoryMap
        private var latest: [UnitPeriod: CountedRecord] = [:]
        private var tallies: [CellKey: ObservatoryTally] = [:]

        public init(year: Int, map: TerritoryMap) {
            self.year = year
            self.map = map
        }

        public mutating func add(_ counted: CountedRecord) {
            guard let periods = ObservatoryPeriod.periods(ofMonth: counted.record.month), periods[0].year == year,
                let departement = counted.record.departement
            else { return }
            let territories = ObservatoryCube.territories(of: departement, map: map)
            for period in periods {
                for territory in territories {
                    let key = CellKey(territory, period)
                    tallies[key, default: .init()].diagnostics += 1
                    if counted.unit == nil { tallies[key, default: .init()].count(counted.record) }
                }
                guard let unit = counted.unit else { continue }
                let key = UnitPeriod(unit: unit, period: period)
                if let kept = latest[key],
                    (kept.completedAt, kept.record.month) >= (counted.completedAt, counted.record.month)
                {
                    continue
                }
                latest[key] = counted
            }
        }

        /// The cube of the records added.
        public var cube: ObservatoryCube {
            var tallies = tallies
            for (key, counted) in latest {
                for territory in ObservatoryCube.territories(of: counted.record.departement ?? "", map: map) {
                    tallies[CellKey(territory, key.period), default: .init()].count(counted.record)
                }
            }
            return ObservatoryCube(year: year, tallies: tallies)
        }
    }

    struct UnitPeriod: Hashable, Sendable {
        var unit: String
        var period: ObservatoryPeriod
    }

    /// The département, then each territory above it up to the whole instance.
    static func territories(of departement: String, map: TerritoryMap) -> [Territory] {
        var chain = [Territory.departement(departement)]
        while let parent = map.parent(of: chain[chain.count - 1]) { chain.append(parent) }
        return chain
    }

    /// The table and category a record's tag is counted in, or nil for a tag no table publishes.
    static func table(of tag: String) -> (String, String)? {
        let prefixes = [
            ("attention:", "attention"), ("uses-for:", "tools"), ("free-software:", "free-software"),
            ("difficulty:", "difficulties"),
        ]
        for (prefix, table) in prefixes where tag.hasPrefix(prefix) {
            return (table, String(tag.dropFirst(prefix.count)))
        }
        return nil
    }

    /// Every cell of the year, protected: shown with its figure, or hidden with the reason. Cells
    /// absent are zeros. Where a territory's and period's diagnostics mix questionnaire versions and
    /// its count is shown, `versions` cells name them.
    public func publish(_ control: DisclosureControl) -> [PublishedCell] {
        var cells: [PublishedCell] = []
        for tables in independentParts() {
            for table in control.protect(tables) {
                cells += table.cells.map { PublishedCell(table: table.name, protected: $0) }
            }
        }
        let shownTotals = Set(cells.filter { $0.table == "associations" && $0.value != nil }.map(\.key))
        for (key, tally) in tallies where tally.versions.count > 1 && shownTotals.contains(key) {
            cells += tally.versions.sorted().map {
                PublishedCell(table: "versions", key: CellKey(key.territory, key.period, $0), value: nil, reason: nil)
            }
        }
        return cells.sorted { ($0.key, $0.table) < ($1.key, $1.table) }
    }

    /// Whether figures split by category (levels, themes, tools…) are published for a period: years
    /// and quarters. Split by month as well, the cells are too small to show anything, and hiding
    /// enough of them to protect the rest hides the whole year (measured on generated data).
    public static func splitsByCategory(_ period: ObservatoryPeriod) -> Bool {
        if case .month = period { return false }
        return true
    }

    /// The sets of tables whose suppressions depend on each other, each set on its own.
    func independentParts() -> [[ObservatoryTable]] {
        let totals = tallies.map { ObservatoryCell.count($0.key, $0.value.units) }
        let diagnostics = tallies.map {
            ObservatoryCell($0.key, units: $0.value.units, value: .count($0.value.diagnostics))
        }
        let levels = tallies.filter { Self.splitsByCategory($0.key.period) }.flatMap { key, tally in
            tally.levels.map { ObservatoryCell.count(CellKey(key.territory, key.period, $0.key), $0.value) }
        }
        var parts: [[ObservatoryTable]] = [
            [
                ObservatoryTable(name: "associations", cells: totals),
                ObservatoryTable(name: "diagnostics", cells: diagnostics, follows: "associations"),
                ObservatoryTable(name: "levels", cells: levels, categoriesAddUp: true, totalsFrom: "associations"),
            ]
        ]
        var scores: [String: [ObservatoryCell]] = [:]
        var counts: [String: [String: [ObservatoryCell]]] = [:]
        for (key, tally) in tallies where Self.splitsByCategory(key.period) {
            for (category, spread) in tally.scores {
                let cell = CellKey(key.territory, key.period, category)
                scores[category, default: []].append(
                    ObservatoryCell(cell, units: spread.count, value: .mean(spread.mean, spread: spread.deviation)))
            }
            for (table, categories) in tally.tags {
                for (category, units) in categories {
                    counts[table, default: [:]][category, default: []].append(
                        .count(CellKey(key.territory, key.period, category), units))
                }
            }
        }
        for (category, cells) in scores.sorted(by: { $0.key < $1.key }) {
            parts.append([ObservatoryTable(name: "scores-\(category)", cells: cells)])
        }
        for table in Self.countTables {
            for (category, cells) in (counts[table] ?? [:]).sorted(by: { $0.key < $1.key }) {
                parts.append([ObservatoryTable(name: "\(table)-\(category)", cells: cells)])
            }
        }
        return parts
    }
}

/// One published cell: its table, its key and its figure, or the reason it is hidden. A `versions`
/// cell carries neither: its category names a questionnaire version the figures mix.
public struct PublishedCell: Hashable, Sendable {
    public var table: String
    public var key: CellKey
    public var value: CellValue?
    public var reason: SuppressionReason?

    public init(table: String, key: CellKey, value: CellValue?, reason: SuppressionReason?) {
        self.table = table
        self.key = key
        self.value = value
        self.reason = reason
    }

    /// A cell of a table protected on its own: the part's name (`tools-<category>`) is the table's
    /// name and the category again, so the table's name is put back.
    init(table name: String, protected: ProtectedCell) {
        let category = protected.cell.key.category ?? ""
        let suffix = "-" + category
        let table = name.hasSuffix(suffix) && !category.isEmpty ? String(name.dropLast(suffix.count)) : name
        self.init(table: table, key: protected.cell.key, value: protected.published, reason: protected.suppression)
    }
}
