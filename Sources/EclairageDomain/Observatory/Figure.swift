/// One figure the observatory publishes, once, whatever the number of tables that show it: a cell
/// of a table, or, for a table whose totals come from another, that other table's total.
struct Figure: Hashable, Sendable, Comparable {
    var table: String
    var key: CellKey

    static func < (lhs: Figure, rhs: Figure) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.table < rhs.table
    }
}

/// Every figure of a set of tables published together, numbered in figure order (so comparing numbers
/// compares figures), with the number of units each rests on.
struct FigureIndex: Sendable {
    private(set) var figures: [Figure] = []
    private(set) var units: [Int] = []
    private var numbers: [Figure: Int] = [:]
    /// For each table sharing its totals, the table that holds them, chains of shared totals followed
    /// to their end (a loop stops where it closes).
    private let totalsFrom: [String: String]

    init(_ tables: [ObservatoryTable]) {
        var sources: [String: String] = [:]
        for table in tables { sources[table.name] = table.totalsFrom }
        totalsFrom = sources.mapValues { first in
            var name = first
            var seen: Set<String> = [first]
            while let source = sources[name], seen.insert(source).inserted { name = source }
            return name
        }
        var units: [Figure: Int] = [:]
        for table in tables {
            for cell in table.cells {
                let figure = figure(table.name, cell.key)
                units[figure] = max(units[figure] ?? 0, cell.units)
            }
        }
        figures = units.keys.sorted()
        self.units = figures.map { units[$0]! }
        numbers = Dictionary(uniqueKeysWithValues: figures.enumerated().map { ($1, $0) })
    }

    /// The figure a table's cell shows: its own, or for a total, the total of the table it is
    /// shared with.
    func figure(_ table: String, _ key: CellKey) -> Figure {
        Figure(table: key.category == nil ? totalsFrom[table] ?? table : table, key: key)
    }

    /// The number of the figure a table's cell shows, or nil if no table has it.
    func number(_ table: String, _ key: CellKey) -> Int? { numbers[figure(table, key)] }
}
