import EclairageDomain
import Foundation

/// Each section of an observatory page: its table, and its chart where one helps.
extension ObservatoryFigures {
    typealias Section = ObservatoryPage.Section
    typealias Row = ObservatoryPage.Row

    func section(_ id: String, note: String? = nil, svg: String? = nil, headers: [String], rows: [Row]) -> Section {
        Section(
            id: id, heading: text("observatory.\(id).heading"), note: note, svg: svg, headers: headers, rows: rows,
            hasRows: !rows.isEmpty)
    }

    func bar(_ label: String, _ row: CellRow?) -> BarChart.Bar {
        BarChart.Bar(label: label, value: row == nil ? 0 : row?.shownCount.map(Double.init), text: count(row))
    }

    func chart(_ id: String, _ bars: [BarChart.Bar], scale: Double? = nil) -> String {
        let description = bars.map { "\($0.label) : \($0.text)" }.joined(separator: " ; ")
        return BarChart(title: text("observatory.\(id).heading"), description: description, bars: bars, scale: scale)
            .svg(id: "graphique-\(id)")
    }

    var levels: Section {
        let rows = Level.allCases.map { level in
            Row(
                label: text("observatory.level", ["level": level.rawValue]), link: nil,
                cells: [count(cell("levels", level.rawValue)), share(cell("levels", level.rawValue))])
        }
        let bars = Level.allCases.map {
            bar(text("observatory.level", ["level": $0.rawValue]), cell("levels", $0.rawValue))
        }
        return section(
            "levels", svg: chart("levels", bars),
            headers: [text("observatory.level_header"), text("observatory.associations"), text("observatory.share")],
            rows: rows)
    }

    var themeNames: [(id: String, name: String)] {
        [(ObservatoryCube.overall, text("observatory.overall"))]
            + services.questionnaire.themes.map { ($0.id, $0.title) }
    }

    var scores: Section {
        var rows: [Row] = []
        var bars: [BarChart.Bar] = []
        for theme in themeNames {
            guard let row = cell("scores", theme.id) else { continue }
            let mean = row.mean.map { "\(Int($0.rounded()))" } ?? hidden(row)
            let spread = row.spread.map { "\(Int($0.rounded()))" } ?? "—"
            rows.append(Row(label: theme.name, link: nil, cells: [mean, spread]))
            bars.append(
                BarChart.Bar(
                    label: theme.name, value: row.mean, text: row.mean == nil ? mean : "\(mean) ± \(spread)",
                    spread: row.spread))
        }
        return section(
            "scores", note: text("observatory.scores.note"),
            svg: bars.isEmpty ? nil : chart("scores", bars, scale: 100),
            headers: [text("observatory.theme"), text("observatory.mean"), text("observatory.spread")], rows: rows)
    }

    /// The shown cells of a table of tags, the most frequent first, and a note on the hidden ones.
    func tagRows(_ table: String, label: (String) -> String) -> (rows: [Row], note: String?) {
        let found = query.cells.filter { $0.tableName == table }
        let shown = found.filter { $0.shownCount != nil }.sorted {
            ($0.shownCount ?? 0, $1.category) > ($1.shownCount ?? 0, $0.category)
        }
        let rows = shown.map { Row(label: label($0.category), link: nil, cells: [count($0), share($0)]) }
        let hiddenCount = found.count - shown.count
        let note = hiddenCount == 0 ? nil : text("observatory.hidden_rows", ["count": "\(hiddenCount)"])
        return (rows, note)
    }

    var attention: Section {
        let names = Dictionary(themeNames.map { ($0.id, $0.name) }) { first, _ in first }
        let (rows, note) = tagRows("attention") { names[$0] ?? $0 }
        return section(
            "attention", note: note,
            headers: [text("observatory.theme"), text("observatory.associations"), text("observatory.share")],
            rows: rows)
    }

    var tools: Section {
        let catalogue = services.catalogue
        let (rows, note) = tagRows("tools") { category in
            let parts = category.split(separator: ":", maxSplits: 1).map(String.init)
            let need = catalogue.need(parts[0])?.name ?? parts[0]
            let tool =
                parts.count < 2
                ? "" : parts[1] == "other" ? text("observatory.other_tool") : catalogue.tool(parts[1])?.name ?? parts[1]
            return "\(need) : \(tool)"
        }
        return section(
            "tools", note: note,
            headers: [text("observatory.tool"), text("observatory.associations"), text("observatory.share")],
            rows: rows)
    }

    var freeSoftware: Section {
        let yes = cell("free-software", "yes")
        let no = cell("free-software", "no")
        // Among the associations that named at least one tool, when both figures are shown.
        let named: Int? = (yes?.shownCount ?? (yes == nil ? 0 : nil)).flatMap { a in
            (no?.shownCount ?? (no == nil ? 0 : nil)).map { a + $0 }
        }
        let row = Row(
            label: text("observatory.free_software.yes"), link: nil,
            cells: [count(yes), share(yes, of: .some(named)), reference("free-software:yes")])
        return section(
            "free_software", note: text("observatory.free_software.note"),
            headers: [
                text("observatory.indicator"), text("observatory.associations"), text("observatory.share_named"),
                text("observatory.reference"),
            ], rows: [row])
    }

    var difficulties: Section {
        let rows = ["human", "financial", "technical", "none"].map { kind in
            Row(
                label: text("observatory.difficulty.\(kind)"), link: nil,
                cells: [
                    count(cell("difficulties", kind)), share(cell("difficulties", kind)),
                    kind == "none" ? "—" : reference("difficulty:\(kind)"),
                ])
        }
        return section(
            "difficulties", note: text("observatory.difficulties.note"),
            headers: [
                text("observatory.difficulty_header"), text("observatory.associations"), text("observatory.share"),
                text("observatory.reference"),
            ], rows: rows)
    }

    func territories(_ children: [Territory], names: ObservatoryTerritories) -> Section {
        let found = Dictionary(query.children.map { ($0.territory + "|" + $0.tableName, $0) }) { first, _ in first }
        let rows = children.map { child in
            let mean = found[child.slug + "|scores"].map { $0.mean.map { "\(Int($0.rounded()))" } ?? hidden($0) }
            return Row(
                label: names.name(child, views: services.views, context: context),
                link: SiteURL.observatoryPage(child.slug, query.period.slug).path,
                cells: [count(found[child.slug + "|associations"]), mean ?? "—"])
        }
        return section(
            "territories",
            headers: [text("observatory.territory"), text("observatory.associations"), text("observatory.overall")],
            rows: rows)
    }

    var periods: Section {
        let found = Dictionary(query.periods.map { ($0.period, $0) }) { first, _ in first }
        let children = query.period.children
        let rows = children.map { period in
            Row(
                label: label(period), link: SiteURL.observatoryPage(query.territory.slug, period.slug).path,
                cells: [count(found[period.slug])])
        }
        let bars = children.map { bar(label($0), found[$0.slug]) }
        return section(
            "periods", svg: chart("periods", bars),
            headers: [text("observatory.period"), text("observatory.associations")],
            rows: rows)
    }
}
