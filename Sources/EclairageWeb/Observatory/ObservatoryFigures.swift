import EclairageDomain
import Foundation

/// The figures of one observatory page in words: each cell's text (its figure, or why it is hidden),
/// shares of the associations counted, the national references, and the sections of the page.
struct ObservatoryFigures {
    let query: ObservatoryPage.Query
    let context: AppRequestContext
    let services: AppServices
    let cells: [String: CellRow]

    init(query: ObservatoryPage.Query, context: AppRequestContext, services: AppServices) {
        self.query = query
        self.context = context
        self.services = services
        cells = Dictionary(query.cells.map { ($0.tableName + "|" + $0.category, $0) }) { first, _ in first }
    }

    func text(_ key: String, _ values: [String: String] = [:]) -> String { services.views.text(key, context, values) }

    func cell(_ table: String, _ category: String = "") -> CellRow? { cells[table + "|" + category] }

    /// A count as shown: its figure, 0 when absent, or the reason it is hidden.
    func count(_ row: CellRow?) -> String {
        guard let row else { return "0" }
        if let count = row.shownCount { return "\(count)" }
        return hidden(row)
    }

    func hidden(_ row: CellRow) -> String {
        text(row.reason == SuppressionReason.tooFew.rawValue ? "observatory.too_few" : "observatory.would_reveal")
    }

    /// The part of the associations counted, when both figures are shown.
    func share(_ row: CellRow?, of total: Int?? = nil) -> String {
        guard let base = total ?? cell("associations")?.shownCount, base > 0 else { return "—" }
        guard let row else { return "0\u{A0}%" }
        guard let count = row.shownCount else { return "—" }
        return "\(Int((Double(count) * 100 / Double(base)).rounded()))\u{A0}%"
    }

    func label(_ period: ObservatoryPeriod) -> String { DateFormatting.period(period, language: context.language) }

    var headline: [ObservatoryPage.Row] {
        [
            .init(label: text("observatory.associations"), link: nil, cells: [count(cell("associations"))]),
            .init(label: text("observatory.diagnostics"), link: nil, cells: [count(cell("diagnostics"))]),
        ]
    }

    /// The questionnaire versions the figures mix, when they mix several.
    var versions: String? {
        let list = query.cells.filter { $0.tableName == "versions" }.map(\.category).sorted()
        return list.isEmpty ? nil : text("observatory.versions", ["versions": list.joined(separator: ", ")])
    }

    func reference(_ indicator: String) -> String {
        guard let found = services.observatoryReferences.first(where: { $0.indicator == indicator }) else { return "—" }
        return "\(found.share)\u{A0}% (\(found.year))"
    }

    func sections(children: [Territory], names: ObservatoryTerritories) -> [ObservatoryPage.Section] {
        var sections: [ObservatoryPage.Section] = []
        if ObservatoryCube.splitsByCategory(query.period), !query.cells.isEmpty {
            sections += [levels, scores, attention, tools, freeSoftware, difficulties]
        }
        if !children.isEmpty { sections.append(territories(children, names: names)) }
        if !query.period.children.isEmpty { sections.append(periods) }
        return sections
    }
}
