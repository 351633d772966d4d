/// The suppressions of a set of tables published together, worked out in two steps: the small cells
/// (`suppressSmallCells`), then the complementary ones (`complete`), until no sum can be taken apart.
/// Figures are designated by their number in the `FigureIndex`.
struct Suppression: Sendable {
    let index: FigureIndex
    let groups: [AdditiveGroup]
    let threshold: Int
    /// Each figure of a table that follows another, with the figure of that table it follows.
    let links: [(follower: Int, base: Int)]
    var reasons: [SuppressionReason?]
    let groupsOfFigure: [[Int]]
    let followersOfFigure: [[Int]]

    init(tables: [ObservatoryTable], territories: TerritoryMap, threshold: Int) {
        let index = FigureIndex(tables)
        self.index = index
        self.threshold = threshold
        groups = AdditiveGroup.all(in: tables, index: index, map: territories)
        links = Self.links(in: tables, index: index)
        reasons = Array(repeating: nil, count: index.figures.count)
        var groupsOfFigure = Array(repeating: [Int](), count: index.figures.count)
        for (number, group) in groups.enumerated() {
            for figure in [group.parent] + group.children { groupsOfFigure[figure].append(number) }
        }
        self.groupsOfFigure = groupsOfFigure
        var followersOfFigure = Array(repeating: [Int](), count: index.figures.count)
        for link in links { followersOfFigure[link.base].append(link.follower) }
        self.followersOfFigure = followersOfFigure
    }

    /// Each cell of a table that follows another, with the same cell of that table or else its total
    /// for the same territory and period.
    private static func links(in tables: [ObservatoryTable], index: FigureIndex) -> [(follower: Int, base: Int)] {
        tables.flatMap { table in
            table.cells.compactMap { cell -> (follower: Int, base: Int)? in
                guard let base = table.follows, let follower = index.number(table.name, cell.key) else { return nil }
                let total = CellKey(cell.key.territory, cell.key.period)
                guard let figure = index.number(base, cell.key) ?? index.number(base, total) else { return nil }
                return (follower, figure)
            }
        }.sorted { ($0.follower, $0.base) < ($1.follower, $1.base) }
    }

    func reason(_ table: String, _ key: CellKey) -> SuppressionReason? {
        index.number(table, key).flatMap { reasons[$0] }
    }

    /// Hides every figure resting on at least one unit and fewer than `threshold`. A figure resting on
    /// no unit says nothing about anyone and stays published.
    mutating func suppressSmallCells() {
        for (figure, units) in index.units.enumerated() where units > 0 && units < threshold {
            reasons[figure] = .tooFew
        }
    }
}
