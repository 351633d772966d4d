import Testing

@testable import EclairageDomain

/// Disclosure control where a suppression in one dimension or one table calls for others elsewhere.
@Suite struct ObservatoryDisclosureAcrossTablesTests {
    let map = TerritoryMap(regionOfDepartement: ["01": "84", "02": "84"])
    let year = ObservatoryPeriod.year(2026)
    let first = ObservatoryPeriod.quarter(2026, 1)
    let second = ObservatoryPeriod.quarter(2026, 2)

    func cells(_ rows: [(Territory, [Int])]) -> [ObservatoryCell] {
        rows.flatMap { territory, counts in
            zip([first, second, year], counts).map { ObservatoryCell.count(CellKey(territory, $0), $1) }
        }
    }

    /// A small first quarter in département 01 hides its second quarter (the year's sum), which leaves
    /// the région's second quarter with one hidden département, so 02's second quarter goes too, and
    /// likewise its first: a rectangle of four hidden cells, every total shown.
    @Test func aSuppressionSpreadsToTheOtherDimension() {
        let table = ObservatoryTable(
            name: "associations",
            cells: cells([
                (.departement("01"), [3, 10, 13]), (.departement("02"), [8, 9, 17]), (.region("84"), [11, 19, 30]),
            ]))
        let result = DisclosureControl(territories: map).protect([table])[0]
        let hidden = result.cells.filter { $0.suppression != nil }.map(\.cell.key)
        let departements = [Territory.departement("01"), .departement("02")]
        #expect(Set(hidden) == Set(departements.flatMap { [CellKey($0, first), CellKey($0, second)] }))
        #expect(result[CellKey(.departement("01"), first)]?.suppression == .tooFew)
    }

    /// Two tables repeating the same totals: the free-software split hides département 02's total
    /// (all 12 use free software, and that count is hidden to protect département 01's 3), so the table
    /// of levels hides it too; declared otherwise, the levels table would give it away.
    @Test func aSharedTotalIsHiddenInEveryTable() {
        func tables(sharing: Bool) -> [ObservatoryTable] {
            let levels: [(Territory, [Int])] = [
                (.departement("01"), [6, 7]), (.departement("02"), [6, 6]), (.region("84"), [12, 13]),
            ]
            let software: [(Territory, [Int])] = [
                (.departement("01"), [3, 10]), (.departement("02"), [12, 0]), (.region("84"), [15, 10]),
            ]
            func split(_ rows: [(Territory, [Int])], _ names: [String]) -> [ObservatoryCell] {
                rows.flatMap { territory, counts in
                    zip(names, counts).map { ObservatoryCell.count(CellKey(territory, year, $0), $1) }
                        + [.count(CellKey(territory, year), counts.reduce(0, +))]
                }
            }
            return [
                ObservatoryTable(name: "niveaux", cells: split(levels, ["A", "B"]), categoriesAddUp: true),
                ObservatoryTable(
                    name: "logiciel-libre", cells: split(software, ["oui", "non"]), categoriesAddUp: true,
                    totalsFrom: sharing ? "niveaux" : nil),
            ]
        }
        let attacker = DisclosureAttacker(
            territoryGroups: [(.region("84"), [.departement("01"), .departement("02")])], periodGroups: [])
        func leaks(_ protected: [ProtectedTable]) -> [String] {
            attacker.leaks(in: [
                DisclosureAttacker.Seen(protected[0], addingCategories: ["A", "B"]),
                DisclosureAttacker.Seen(protected[1], addingCategories: ["oui", "non"], totalsOf: "niveaux"),
            ])
        }
        let control = DisclosureControl(territories: map)
        let shared = control.protect(tables(sharing: true))
        #expect(shared[0][CellKey(.departement("02"), year)]?.suppression == .wouldReveal)
        #expect(shared[1][CellKey(.departement("02"), year)]?.suppression == .wouldReveal)
        #expect(leaks(shared).isEmpty, "\(leaks(shared))")
        #expect(!leaks(control.protect(tables(sharing: false))).isEmpty)
    }

    /// Mean scores follow the count of the associations they average: hidden where it is hidden.
    @Test func meansFollowTheirCount() {
        let counts = ObservatoryTable(
            name: "associations",
            cells: cells([
                (.departement("01"), [3, 10, 13]), (.departement("02"), [8, 9, 17]), (.region("84"), [11, 19, 30]),
            ]))
        let means = ObservatoryTable(
            name: "scores",
            cells: counts.cells.map { ObservatoryCell($0.key, units: $0.units, value: .mean(55, spread: 9)) },
            follows: "associations")
        let result = DisclosureControl(territories: map).protect([counts, means])
        #expect(result[1].cells.map(\.suppression) == result[0].cells.map(\.suppression))
        #expect(result[1][CellKey(.region("84"), year)]?.published == .mean(55, spread: 9))
    }

    /// The threshold is a parameter: at 3, a département of 3 is shown.
    @Test func theThresholdCanBeLowered() {
        let table = ObservatoryTable(name: "associations", cells: cells([(.departement("01"), [3, 10, 13])]))
        let result = DisclosureControl(territories: map, threshold: 3).protect([table])[0]
        #expect(result.cells.allSatisfy { $0.suppression == nil })
    }
}
