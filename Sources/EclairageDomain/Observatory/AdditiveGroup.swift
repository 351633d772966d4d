/// One sum a reader could take apart: the parent figure is the sum of its children's units, along
/// one dimension (a région and its départements, a quarter and its months, a total and its
/// categories). Children absent from the table count zero units and are read as published zeros.
struct AdditiveGroup: Hashable, Sendable {
    enum Dimension: Int, Hashable, Sendable { case territory, period, category }

    var dimension: Dimension
    /// Figures by their number in the `FigureIndex`.
    var parent: Int
    var children: [Int]

    /// Every group of every table, without repeats (a shared total's groups appear once), in a fixed
    /// order. A group exists where a table has the parent and at least one of its children.
    static func all(in tables: [ObservatoryTable], index: FigureIndex, map: TerritoryMap) -> [AdditiveGroup] {
        var groups: Set<AdditiveGroup> = []
        for table in tables {
            var children: [Parent: [Int]] = [:]
            for cell in table.cells {
                guard let child = index.number(table.name, cell.key) else { continue }
                for parent in parents(of: cell.key, in: table, map: map) {
                    children[parent, default: []].append(child)
                }
            }
            for (parent, members) in children {
                guard let number = index.number(table.name, parent.key) else { continue }
                groups.insert(AdditiveGroup(dimension: parent.dimension, parent: number, children: members.sorted()))
            }
        }
        return groups.sorted(by: precedes)
    }

    /// A total order on groups, so that the same tables are always worked through in the same order.
    private static func precedes(_ lhs: AdditiveGroup, _ rhs: AdditiveGroup) -> Bool {
        if lhs.parent != rhs.parent { return lhs.parent < rhs.parent }
        if lhs.dimension != rhs.dimension { return lhs.dimension.rawValue < rhs.dimension.rawValue }
        return lhs.children.lexicographicallyPrecedes(rhs.children)
    }

    private struct Parent: Hashable {
        var dimension: Dimension
        var key: CellKey
    }

    /// The cells directly above this one: in territory, in period and, when the categories add up,
    /// the total over categories.
    private static func parents(of key: CellKey, in table: ObservatoryTable, map: TerritoryMap) -> [Parent] {
        var parents: [Parent] = []
        if let territory = map.parent(of: key.territory) {
            parents.append(Parent(dimension: .territory, key: CellKey(territory, key.period, key.category)))
        }
        if let period = key.period.parent {
            parents.append(Parent(dimension: .period, key: CellKey(key.territory, period, key.category)))
        }
        if table.categoriesAddUp, key.category != nil {
            parents.append(Parent(dimension: .category, key: CellKey(key.territory, key.period)))
        }
        return parents
    }
}
