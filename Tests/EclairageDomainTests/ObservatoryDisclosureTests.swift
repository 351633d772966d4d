import Testing

@testable import EclairageDomain

/// Disclosure control on small tables worked out by hand.
@Suite struct ObservatoryDisclosureTests {
    let map = TerritoryMap(regionOfDepartement: ["01": "84", "02": "84", "03": "84"])
    let year = ObservatoryPeriod.year(2026)

    func protect(_ tables: [ObservatoryTable]) -> [ProtectedTable] {
        DisclosureControl(territories: map).protect(tables)
    }

    /// A département of 3 in a région of 40: hidden, and so is the next smallest département, or the
    /// région minus the others would give 3.
    @Test func smallDepartementAndItsComplement() {
        let counts = [("01", 3), ("02", 20), ("03", 17)].map {
            ObservatoryCell.count(CellKey(.departement($0.0), year), $0.1)
        }
        let table = ObservatoryTable(
            name: "associations",
            cells: counts + [.count(CellKey(.region("84"), year), 40), .count(CellKey(.whole, year), 40)])
        let result = protect([table])[0]
        #expect(result[CellKey(.departement("01"), year)]?.suppression == .tooFew)
        #expect(result[CellKey(.departement("03"), year)]?.suppression == .wouldReveal)
        #expect(result[CellKey(.departement("02"), year)]?.published == .count(20))
        #expect(result[CellKey(.region("84"), year)]?.published == .count(40))
    }

    /// A quarter whose January holds 2 associations: January is hidden, and February, the smallest
    /// other month, with it.
    @Test func quarterWithOneSmallMonth() {
        let months = [2, 12, 16].enumerated().map { ObservatoryCell.count(CellKey(.whole, .month(2026, $0 + 1)), $1) }
        let table = ObservatoryTable(
            name: "associations", cells: months + [.count(CellKey(.whole, .quarter(2026, 1)), 30)])
        let result = protect([table])[0]
        #expect(result[CellKey(.whole, .month(2026, 1))]?.suppression == .tooFew)
        #expect(result[CellKey(.whole, .month(2026, 2))]?.suppression == .wouldReveal)
        #expect(result[CellKey(.whole, .month(2026, 3))]?.published == .count(16))
        #expect(result[CellKey(.whole, .quarter(2026, 1))]?.published == .count(30))
    }

    /// Levels A to E of 50 associations with 3 at level A: A is hidden, and B, tied with E at 10 but
    /// first by name.
    @Test func levelDistributionWithOneSmallLevel() {
        let levels = zip(["A", "B", "C", "D", "E"], [3, 10, 15, 12, 10]).map {
            ObservatoryCell.count(CellKey(.whole, year, $0), $1)
        }
        let table = ObservatoryTable(
            name: "niveaux", cells: levels + [.count(CellKey(.whole, year), 50)], categoriesAddUp: true)
        let result = protect([table])[0]
        #expect(result.cells.map(\.suppression) == [nil, .tooFew, .wouldReveal, nil, nil, nil])
    }

    /// Two départements of 2 in a région of 20: both hidden, but together they leave 4, a figure about
    /// fewer than 5 associations, so the third département is hidden with them.
    @Test func twoSmallCellsTogetherAreStillSmall() {
        let counts = [("01", 2), ("02", 2), ("03", 16)].map {
            ObservatoryCell.count(CellKey(.departement($0.0), year), $0.1)
        }
        let table = ObservatoryTable(name: "associations", cells: counts + [.count(CellKey(.region("84"), year), 20)])
        let result = protect([table])[0]
        #expect(result.cells.map(\.suppression) == [nil, .tooFew, .tooFew, .wouldReveal])
    }
}
