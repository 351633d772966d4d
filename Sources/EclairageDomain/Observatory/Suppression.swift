/// The suppressions of a set of tables published together, worked out in two steps: the small cells
/// (`suppressSmallCells`), then the complementary ones (`complete`), until no sum can be taken apart.
struct Suppression: Sendable {
    let index: FigureIndex
    let groups: [AdditiveGroup]
    /// Each figure of a table that follows another, with the figure of that table it follows.
    let links: [(follower: Figure, base: Figure)]
    let threshold: Int
    private(set) var reasons: [Figure: SuppressionReason] = [:]

    init(tables: [ObservatoryTable], territories: TerritoryMap, threshold: Int) {
        self.threshold = threshold
        let index = FigureIndex(tables)
        self.index = index
        groups = AdditiveGroup.all(in: tables, index: index, map: territories)
        links = tables.flatMap { table in
            table.cells.compactMap { cell in
                guard let base = table.follows else { return nil }
                let total = CellKey(cell.key.territory, cell.key.period)
                guard let key = [cell.key, total].first(where: { index.contains(base, $0) }) else { return nil }
                return (index.figure(table.name, cell.key), index.figure(base, key))
            }
        }.sorted { ($0.follower, $0.base) < ($1.follower, $1.base) }
    }

    func reason(_ table: String, _ key: CellKey) -> SuppressionReason? { reasons[index.figure(table, key)] }

    /// Hides every figure resting on at least one unit and fewer than `threshold`. A figure resting on
    /// no unit says nothing about anyone and stays published.
    mutating func suppressSmallCells() {
        for (figure, units) in index.units where units > 0 && units < threshold {
            reasons[figure] = .tooFew
        }
    }

    /// Adds complementary suppressions until a whole pass over the links and groups adds none, and
    /// says whether it added any. Each pass that continues adds at least one suppression among a
    /// finite number of figures, so it ends.
    @discardableResult
    mutating func complete() -> Bool {
        var added = false
        while pass() { added = true }
        return added
    }

    private mutating func pass() -> Bool {
        var added = false
        for link in links where reasons[link.base] != nil && reasons[link.follower] == nil {
            reasons[link.follower] = .wouldReveal
            added = true
        }
        for group in groups {
            guard let complement = complement(in: group) else { continue }
            reasons[complement] = .wouldReveal
            added = true
        }
        return added
    }

    /// The figure to hide next in a group that could be taken apart, or nil if it cannot: a group can
    /// be taken apart when exactly one of its figures is hidden, or when its parent is shown and its
    /// hidden children together rest on at least one and fewer than `threshold` units. The figure to
    /// hide is the shown child resting on the fewest units (at least one; ties by key), else the parent.
    func complement(in group: AdditiveGroup) -> Figure? {
        let hidden = ([group.parent] + group.children).filter { reasons[$0] != nil }
        let remainder = group.children.filter { reasons[$0] != nil }.reduce(0) { $0 + index.units(of: $1) }
        let smallRemainder = reasons[group.parent] == nil && remainder > 0 && remainder < threshold
        guard hidden.count == 1 || smallRemainder else { return nil }
        let open = group.children.filter { reasons[$0] == nil && index.units(of: $0) > 0 }
        if let smallest = open.min(by: { (index.units(of: $0), $0) < (index.units(of: $1), $1) }) {
            return smallest
        }
        return index.units(of: group.parent) > 0 && reasons[group.parent] == nil ? group.parent : nil
    }
}
