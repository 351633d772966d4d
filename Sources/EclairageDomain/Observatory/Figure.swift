/// One figure the observatory publishes, once, whatever the number of tables that show it: a cell
/// of a table, or, for a table whose totals come from another, that other table's total.
struct Figure: Hashable, Sendable, Comparable {
    var table: String
    var key: CellKey

    static func < (lhs: Figure, rhs: Figure) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.table < rhs.table
    }
}

/// Every figure of a set of tables published together, with the number of units each rests on.
struct FigureIndex: Sendable {
    private(set) var units: [Figure: Int] = [:]
    private let totalsFrom: [String: String]

    init(_ tables: [ObservatoryTable]) {
        var totalsFrom: [String: String] = [:]
        for table in tables { totalsFrom[table.name] = table.totalsFrom }
        self.totalsFrom = totalsFrom
        for table in tables {
            for cell in table.cells {
                let figure = figure(table.name, cell.key)
                units[figure] = max(units[figure] ?? 0, cell.units)
            }
        }
    }

    /// The figure a table's cell shows: its own, or for a total, the total of the table it is
    /// shared with (following the chain of shared totals, a loop ending it).
    func figure(_ table: String, _ key: CellKey) -> Figure {
        var name = table
        var seen: Set<String> = [table]
        while key.category == nil, let source = totalsFrom[name], seen.insert(source).inserted { name = source }
        return Figure(table: name, key: key)
    }

    func contains(_ table: String, _ key: CellKey) -> Bool { units[figure(table, key)] != nil }

    func units(of figure: Figure) -> Int { units[figure] ?? 0 }
}
