/// Statistical disclosure control for the tables the observatory publishes together: decides which
/// cells are hidden, and why, so that no figure about fewer than `threshold` units (default 5) can be
/// read or worked out by subtraction.
///
/// How it works:
/// 1. Primary suppression: every figure resting on at least one and fewer than `threshold` units is
///    hidden as `tooFew`.
/// 2. Complementary suppression, over every table at once: the additive groups are every parent with
///    its children along each dimension (whole instance ⊃ régions ⊃ départements; year ⊃ quarters ⊃
///    months; total ⊃ categories where the categories add up). A total that two tables share
///    (`totalsFrom`) is one figure, hidden or shown in both. Whenever a group holds exactly one hidden
///    figure, or its parent is shown and its hidden children together rest on fewer than `threshold`
///    units (but some), one more is hidden as `wouldReveal`: the child with the fewest units among
///    those still shown and resting on some unit (ties broken by key, then table name), or the parent
///    if there is none. A table that `follows` another hides, as `wouldReveal`, every cell whose base is
///    hidden. Every group is checked in a fixed order, and a group is checked again whenever one of
///    its figures is hidden, until none calls for more: a cell hidden for one dimension may leave a
///    group of another dimension, or of another table, with a single hidden cell.
/// 3. Audit of the sums taken together (`LinearAudit`): the equations of every group, over the hidden
///    figures, are solved at once; while they fix a hidden figure resting on fewer than `threshold`
///    units, one more figure is hidden (the smallest shown one of a group it belongs to or, when
///    those are wholly hidden, of a group further along the hidden figures) and step 2 runs again.
///
/// What it guarantees, for the tables given:
/// - every shown figure rests on zero units or on at least `threshold` units;
/// - in no additive group is exactly one figure hidden, so a hidden parent is never the sum of shown
///   children, and a shown parent minus its shown children is either zero or the sum of at least two
///   hidden children (never one hidden cell's exact count);
/// - that remainder, when not zero and the counts add up, is at least `threshold`: what two small
///   hidden cells hold together is not a small figure either;
/// - no hidden figure resting on fewer than `threshold` units can be computed exactly by combining
///   the equations of all groups, in every table, by any additions and subtractions (unless every
///   figure connected to it is hidden already, leaving nothing more to hide);
/// - a mean is hidden wherever the count of the units it averages is hidden (with `follows`);
/// - the same tables, whatever the order of their cells, give the same result (no randomness); running
///   steps 2 and 3 again on their own result hides nothing more.
///
/// Its limits:
/// - it checks exact values, not bounds: knowing that counts are never negative, a reader may narrow
///   a hidden cell to an interval (two hidden cells known to add up to 6 hold 6 at most each), and the
///   audit looks at single figures, not at a small sum of several hidden figures obtained by combining
///   groups (within one group that sum is covered by the remainder rule);
/// - a hidden figure of `threshold` units or more may still be computable by combining groups; it is
///   not a small figure, so it is allowed;
/// - it trusts the counts to add up. Distinct associations per period do not quite (one that
///   completes diagnostics in two months counts in each month and once in the year): the pattern still
///   leaves no group with a single hidden cell, but a remainder is then only a bound on the hidden sum;
/// - it is greedy, not minimal: it may hide more than strictly needed;
/// - zero cells stay shown, and a child absent from a table counts as a shown zero; but a level a
///   table does not publish at all (no month of a quarter, say) forms no group;
/// - step 3 solves the whole system again after each figure it hides: about 0.1 to 0.3 s for 2,000
///   cells in a debug build, so it belongs where the aggregates are updated, not in each page view;
/// - a figure shown in two tables is treated as one only when declared with `totalsFrom`.
public struct DisclosureControl: Sendable {
    public var territories: TerritoryMap
    public var threshold: Int

    public init(territories: TerritoryMap, threshold: Int = 5) {
        self.territories = territories
        self.threshold = threshold
    }

    /// The tables with each cell marked shown or hidden, in the order given, their cells in key order.
    public func protect(_ tables: [ObservatoryTable]) -> [ProtectedTable] {
        let suppression = suppression(of: tables)
        return tables.map { table in
            let cells = table.cells.sorted { $0.key < $1.key }.map { cell in
                ProtectedCell(cell: cell, suppression: suppression.reason(table.name, cell.key))
            }
            return ProtectedTable(name: table.name, cells: cells)
        }
    }

    func suppression(of tables: [ObservatoryTable]) -> Suppression {
        var suppression = Suppression(tables: tables, territories: territories, threshold: threshold)
        suppression.suppressSmallCells()
        suppression.complete()
        suppression.protectAgainstCombinedSums()
        return suppression
    }
}
