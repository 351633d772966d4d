@testable import EclairageDomain

/// A reader who holds every published table and tries every subtraction: in each additive group,
/// the parent minus its shown children. It knows the groups from the map of the test data, not from
/// the code under test, and counts a figure as known when any table shows it.
struct DisclosureAttacker {
    var territoryGroups: [(parent: Territory, children: [Territory])]
    var periodGroups: [(parent: ObservatoryPeriod, children: [ObservatoryPeriod])]
    var threshold = 5

    /// A table as the reader sees it: what each cell rests on, whether it is shown, the categories
    /// that add up to the total (empty when they do not), and the table whose totals it repeats.
    struct Seen {
        var name: String
        var units: [CellKey: Int]
        var shown: Set<CellKey>
        var addingCategories: [String] = []
        var totalsOf: String?
    }

    /// Every way the reader found to single out a hidden figure or a small remainder, in words.
    func leaks(in tables: [Seen]) -> [String] {
        var known: Set<Figure> = []
        for table in tables { for key in table.shown { known.insert(figure(table, key)) } }
        var leaks: [String] = []
        for table in tables {
            for (parent, children) in groups(of: table) {
                leaks += leak(table, parent, children, known: known)
            }
            for (key, units) in table.units where table.shown.contains(key) && units > 0 && units < threshold {
                leaks.append("\(table.name) \(key) shows \(units) units")
            }
        }
        return leaks
    }

    private func leak(_ table: Seen, _ parent: CellKey, _ children: [CellKey], known: Set<Figure>) -> [String] {
        guard let parentUnits = table.units[parent] else { return [] }
        let isKnown = { (key: CellKey) in table.units[key, default: 0] == 0 || known.contains(figure(table, key)) }
        let hidden = ([parent] + children).filter { !isKnown($0) }
        if hidden.count == 1 { return ["\(table.name) \(hidden[0]) is the only hidden cell of its group"] }
        guard isKnown(parent) else { return [] }
        let remainder = parentUnits - children.filter(isKnown).reduce(0) { $0 + table.units[$1, default: 0] }
        if remainder > 0 && remainder < threshold { return ["\(table.name) \(parent) leaves \(remainder)"] }
        return []
    }

    /// The figure a cell shows, a table's total being the total of the table it repeats.
    private func figure(_ table: Seen, _ key: CellKey) -> Figure {
        Figure(table: key.category == nil ? table.totalsOf ?? table.name : table.name, key: key)
    }

    /// Every parent with its children, along each dimension, for every value of the other two.
    private func groups(of table: Seen) -> [(CellKey, [CellKey])] {
        let keys = Set(table.units.keys)
        let categories = Set(keys.map(\.category))
        let territories = Set(keys.map(\.territory))
        let periods = Set(keys.map(\.period))
        var groups: [(CellKey, [CellKey])] = []
        for category in categories {
            for period in periods {
                for group in territoryGroups {
                    groups.append(
                        (CellKey(group.parent, period, category), group.children.map { CellKey($0, period, category) }))
                }
            }
            for territory in territories {
                for group in periodGroups {
                    groups.append(
                        (
                            CellKey(territory, group.parent, category),
                            group.children.map { CellKey(territory, $0, category) }
                        ))
                }
            }
        }
        if !table.addingCategories.isEmpty {
            for territory in territories {
                for period in periods {
                    groups.append(
                        (CellKey(territory, period), table.addingCategories.map { CellKey(territory, period, $0) }))
                }
            }
        }
        return groups
    }
}

extension DisclosureAttacker.Seen {
    /// What the reader sees of a protected table.
    init(_ table: ProtectedTable, addingCategories: [String] = [], totalsOf: String? = nil) {
        name = table.name
        units = Dictionary(uniqueKeysWithValues: table.cells.map { ($0.cell.key, $0.cell.units) })
        shown = Set(table.cells.filter { $0.suppression == nil }.map(\.cell.key))
        self.addingCategories = addingCategories
        self.totalsOf = totalsOf
    }
}
