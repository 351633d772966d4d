/// A table the observatory publishes, described enough for disclosure control to find every sum a
/// reader could take apart.
///
/// Unit counts add up along territories (a région is the sum of its départements, the whole instance
/// the sum of its régions) and periods (a year is the sum of its quarters, a quarter of its months).
/// Along categories they add up only when every unit falls in exactly one category (levels A–E: yes;
/// tools used for a need: no, an association may use several), which `categoriesAddUp` says.
public struct ObservatoryTable: Sendable {
    public var name: String
    public var cells: [ObservatoryCell]
    /// The category cells of a territory and period add up to that territory's and period's total
    /// (the cell with no category).
    public var categoriesAddUp: Bool
    /// Another table whose hidden cells this one must also hide: a table of means follows the table
    /// counting the same units, cell by cell (same key, or the same territory and period's total).
    public var follows: String?
    /// Another table whose totals (cells with no category) are the same figures as this table's: they
    /// are one figure published twice, so they are published or hidden together.
    public var totalsFrom: String?

    public init(
        name: String, cells: [ObservatoryCell], categoriesAddUp: Bool = false, follows: String? = nil,
        totalsFrom: String? = nil
    ) {
        self.name = name
        self.cells = cells
        self.categoriesAddUp = categoriesAddUp
        self.follows = follows
        self.totalsFrom = totalsFrom
    }
}
