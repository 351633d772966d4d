import Foundation

/// What a survey's results count, per territory: the survey's own territory and, inside it, each
/// région (for the whole instance) and département that answered. One period per survey, the year
/// it closes, so a survey's tables are published together and protected together.
public enum SurveyTables {
    /// The choices of one response and where the association is; free text never comes here.
    public struct Response: Sendable, Equatable {
        public var departement: String
        public var choices: [String: [String]]

        public init(departement: String, choices: [String: [String]]) {
            self.departement = departement
            self.choices = choices
        }
    }

    /// The table counting responses, per territory.
    public static let responsesTable = "reponses"
    /// The table counting a question's answers, its options (or a scale's values) as categories.
    public static func table(_ question: SurveyQuestion) -> String { "q:" + question.id }
    /// A scale's mean and spread, following its count table.
    public static func meanTable(_ question: SurveyQuestion) -> String { "q:" + question.id + ":moyenne" }

    /// The territories shown: the survey's own first, then the régions and départements inside it
    /// that hold at least one response.
    public static func territories(
        of area: Territory, responses: [Response], map: TerritoryMap
    ) -> [Territory] {
        let inside = Set(responses.map(\.departement).filter { area.contains(departement: $0, map: map) })
        var found: Set<Territory> = [area]
        if case .departement = area { return [area] }
        for code in inside {
            found.insert(.departement(code))
            if area == .whole, let region = map.regionOfDepartement[code] { found.insert(.region(region)) }
        }
        return found.sorted()
    }

    /// The count tables (and the scales' means) before disclosure control. Free-text questions have
    /// none. Single choices and scales add up to their total; several choices do not.
    public static func build(
        _ questions: [SurveyQuestion], area: Territory, period: ObservatoryPeriod, responses: [Response],
        map: TerritoryMap
    ) -> [ObservatoryTable] {
        let territories = territories(of: area, responses: responses, map: map)
        func within(_ territory: Territory) -> [Response] {
            responses.filter { response in
                guard area.contains(departement: response.departement, map: map) else { return false }
                return switch territory {
                case .whole: true
                case .region(let code): map.regionOfDepartement[response.departement] == code
                case .departement(let code): response.departement == code
                }
            }
        }
        let groups = territories.map { ($0, within($0)) }
        var tables = [
            ObservatoryTable(
                name: responsesTable,
                cells: groups.map { .count(CellKey($0.0, period), $0.1.count) })
        ]
        for question in questions where question.kind != .text {
            let values = question.allowedValues ?? []
            var counts: [ObservatoryCell] = []
            var means: [ObservatoryCell] = []
            for (territory, group) in groups {
                let answered = group.compactMap { $0.choices[question.id] }.filter { !$0.isEmpty }
                counts.append(.count(CellKey(territory, period), answered.count))
                for value in values {
                    counts.append(
                        .count(CellKey(territory, period, value), answered.filter { $0.contains(value) }.count))
                }
                if question.kind == .scale, !answered.isEmpty {
                    let scores = answered.compactMap { $0.first.flatMap(Double.init) }
                    means.append(
                        ObservatoryCell(
                            CellKey(territory, period), units: answered.count,
                            value: .mean(mean(scores), spread: spread(scores))))
                }
            }
            tables.append(
                ObservatoryTable(
                    name: table(question), cells: counts, categoriesAddUp: question.kind != .multiple,
                    totalsFrom: question.isRequired ? responsesTable : nil))
            if question.kind == .scale {
                tables.append(ObservatoryTable(name: meanTable(question), cells: means, follows: table(question)))
            }
        }
        return tables
    }

    /// The tables after disclosure control (fewer than `threshold` responses hidden, and whatever
    /// would let a reader work them out).
    public static func protect(
        _ tables: [ObservatoryTable], map: TerritoryMap, threshold: Int = 5
    ) -> [ProtectedTable] {
        DisclosureControl(territories: map, threshold: threshold).protect(tables)
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The standard deviation of the values (of the population, as the observatory's spreads).
    static func spread(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let average = mean(values)
        return (values.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}
