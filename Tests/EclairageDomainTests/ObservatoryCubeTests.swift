import Testing

@testable import EclairageDomain

/// The cube of a year from generated records: its figures match a direct count of the records, it
/// never shows a cell resting on 1 to 4 units, and no subtraction across territories, periods and
/// levels reveals a hidden one.
@Suite struct ObservatoryCubeTests {
    let map = GeneratedObservatory.map
    let tools = ["agenda:framagenda", "agenda:google", "stockage:nextcloud"]

    func record(month: Int, departement: String?, overall: Int, tags: [String] = []) -> ObservatoryRecord {
        ObservatoryRecord(
            month: "2026-\(month < 10 ? "0" : "")\(month)", departement: departement, sizeBand: nil,
            questionnaireVersion: "1", overall: overall, level: Level.of(score: overall), scores: ["acces": overall],
            tags: tags)
    }

    /// 400 associations (some completing two or three diagnostics in the year) and 150 anonymous
    /// diagnostics over the 8 départements of the map, one association's without a département (it
    /// counts nowhere).
    func records(seed: UInt64) -> [CountedRecord] {
        var random = SeededGenerator(seed: seed)
        let departements = GeneratedObservatory.regions.values.flatMap { $0 }.sorted()
        var records: [CountedRecord] = []
        for unit in 0..<550 {
            let departement: String? = unit == 7 ? nil : departements.randomElement(using: &random)
            for diagnostic in 0..<(unit < 400 ? Int.random(in: 1...3, using: &random) : 1) {
                let tags = tools.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map { "uses-for:\($0)" }
                records.append(
                    CountedRecord(
                        unit: "u\(unit)-\(unit < 400 ? 0 : diagnostic)",
                        completedAt: Int64(Int.random(in: 0...1_000_000, using: &random)),
                        record: record(
                            month: Int.random(in: 1...12, using: &random), departement: departement,
                            overall: Int.random(in: 0...100, using: &random), tags: tags)))
            }
        }
        let lastYear = ObservatoryRecord(
            month: "2025-05", departement: "01", sizeBand: nil, questionnaireVersion: "1", overall: 50, level: .c,
            scores: [:], tags: [])
        return records + [CountedRecord(unit: "other-year", completedAt: 0, record: lastYear)]
    }

    /// What a direct count says: for each territory and period, the latest record of each unit in it.
    func latest(_ records: [CountedRecord]) -> [CellKey: [String: CountedRecord]] {
        var cells: [CellKey: [String: CountedRecord]] = [:]
        for counted in records where counted.record.month.hasPrefix("2026") && counted.record.departement != nil {
            for period in ObservatoryPeriod.periods(ofMonth: counted.record.month)! {
                for territory in ObservatoryCube.territories(of: counted.record.departement ?? "", map: map) {
                    let key = CellKey(territory, period)
                    if let kept = cells[key]?[counted.unit!],
                        (kept.completedAt, kept.record.month) >= (counted.completedAt, counted.record.month)
                    {
                        continue
                    }
                    cells[key, default: [:]][counted.unit!] = counted
                }
            }
        }
        return cells
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func figuresMatchADirectCountAndNothingLeaks(seed: UInt64) {
        let records = records(seed: seed)
        let published = ObservatoryCube(year: 2026, records: records, map: map).publish(
            DisclosureControl(territories: map))
        let direct = latest(records)
        var units: [String: [CellKey: Int]] = [:]
        for (key, found) in direct {
            units["associations", default: [:]][key] = found.count
            for counted in found.values {
                units["levels", default: [:]][
                    CellKey(key.territory, key.period, counted.record.level.rawValue), default: 0] += 1
                for tag in counted.record.tags {
                    units["tools", default: [:]][
                        CellKey(key.territory, key.period, String(tag.dropFirst(9))), default: 0] += 1
                }
            }
        }
        var shown: [String: Set<CellKey>] = [:]
        for cell in published where ["associations", "levels", "tools"].contains(cell.table) {
            let expected = units[cell.table]?[cell.key]
            #expect(expected != nil, "\(cell.table) \(cell.key) is not in the records")
            if case .count(let count) = cell.value {
                #expect(count == expected, "\(cell.table) \(cell.key)")
                #expect(count == 0 || count >= 5)
                shown[cell.table, default: []].insert(cell.key)
            } else {
                #expect(cell.reason != nil)
            }
        }
        #expect(published.contains { $0.reason == .tooFew } && published.contains { $0.reason == .wouldReveal })
        #expect(!published.contains { $0.key.period.year != 2026 })
        let attacker = DisclosureAttacker(
            territoryGroups: [(.whole, [.region("R1"), .region("R2")])]
                + GeneratedObservatory.regions.map { (.region($0.key), $0.value.map(Territory.departement)) },
            periodGroups: [(.year(2026), GeneratedObservatory.quarters.map(\.0))]
                + GeneratedObservatory.quarters.map { ($0.0, $0.1) })
        let seen =
            [
                DisclosureAttacker.Seen(
                    name: "associations", units: units["associations"]!, shown: shown["associations"]!),
                DisclosureAttacker.Seen(
                    name: "levels", units: units["levels"]!, shown: shown["levels"]!,
                    addingCategories: GeneratedObservatory.levels, totalsOf: "associations"),
            ]
            + tools.map { tool in
                DisclosureAttacker.Seen(
                    name: "tools-\(tool)", units: units["tools"]!.filter { $0.key.category == tool },
                    shown: shown["tools", default: []].filter { $0.category == tool })
            }
        // The attacker's periods add up only for distinct units that stay in one month: the check
        // that matters is that no group has a single hidden cell and no shown cell is small.
        let leaks = attacker.leaks(in: seen).filter { !$0.contains("leaves") }
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }

    @Test func anAssociationCountsOnceWithItsLatestDiagnostic() {
        let early = CountedRecord(unit: "a", completedAt: 10, record: record(month: 1, departement: "01", overall: 10))
        let late = CountedRecord(unit: "a", completedAt: 20, record: record(month: 3, departement: "01", overall: 90))
        let cube = ObservatoryCube(year: 2026, records: [late, early], map: map)
        let quarter = cube.tallies[CellKey(.departement("01"), .quarter(2026, 1))]!
        #expect(quarter.units == 1 && quarter.diagnostics == 2 && quarter.levels == ["A": 1])
        #expect(cube.tallies[CellKey(.departement("01"), .month(2026, 1))]!.levels == ["E": 1])
        #expect(cube.tallies[CellKey(.whole, .year(2026))]!.scores["overall"]!.mean == 90)
        // Anonymous diagnostics have no unit but themselves: each counts.
        let anonymous = [10, 30].map {
            CountedRecord(unit: nil, completedAt: 5, record: record(month: 2, departement: "01", overall: $0))
        }
        let both = ObservatoryCube(year: 2026, records: [late, early] + anonymous, map: map)
        #expect(both.tallies[CellKey(.departement("01"), .quarter(2026, 1))]!.units == 3)
        #expect(both.tallies[CellKey(.departement("01"), .quarter(2026, 1))]!.levels == ["A": 1, "E": 2])
    }

    @Test func periodsAndTerritoriesReadTheirAddresses() {
        #expect(ObservatoryPeriod(slug: "2026-t2") == .quarter(2026, 2))
        #expect(ObservatoryPeriod(slug: "2026-03") == .month(2026, 3))
        #expect(ObservatoryPeriod(slug: "2026") == .year(2026))
        for bad in ["2026-13", "2026-t5", "26", "2026-3", "2026-03-01", "", "abcd"] {
            #expect(ObservatoryPeriod(slug: bad) == nil, "\(bad)")
        }
        for period in [ObservatoryPeriod.year(2026), .quarter(2026, 4), .month(2026, 11)] {
            #expect(ObservatoryPeriod(slug: period.slug) == period)
        }
        #expect(Territory(slug: "region-84") == .region("84") && Territory(slug: "ensemble") == .whole)
        #expect(Territory(slug: "departement-2A")?.slug == "departement-2A" && Territory(slug: "region-") == nil)
    }
}
