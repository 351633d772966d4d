import EclairageDomain

/// A survey's results: per question, the counts (and a scale's mean) for the survey's territory and
/// each part of it that answered, a hidden figure saying why; the free texts below, for the network
/// only. The same figures as CSV; printable.
enum SurveyResultsPage {}

extension SurveyResultsPage {
    struct Model: Sendable {
        let title: String
        let territory: String
        let dates: String
        let state: String
        let backLink: String?
        let csvLink: String
        let columns: [String]
        let responses: Table
        let questions: [Table]
        /// Free-text questions with what was written (network only).
        let texts: [TextQuestion]?
    }

    struct Table: Sendable {
        let caption: String
        let note: String?
        let rows: [Row]
    }

    struct Row: Sendable {
        let label: String
        let total: Bool
        let cells: [Cell]
    }

    struct Cell: Sendable {
        let value: String
        let hidden: Bool
    }

    struct TextQuestion: Sendable {
        let question: String
        let answers: [String]
    }
}

extension SurveyResultsPage.Model {
    static func make(
        _ query: SurveyResultsPage.Query, reader: SurveyReader, context: AppRequestContext, services: AppServices
    ) -> Self {
        let survey = query.survey
        let definition = survey.survey
        let views = services.views
        let tables = tables(query, context: context, services: services)
        return Self(
            title: definition.title,
            territory: SurveyListPage.Model.territoryLabel(survey.area, context: context, services: services),
            dates: SurveyAnswerPage.Model.dates(survey, context: context, services: services),
            state: views.text("survey.state.\(survey.state(at: services.time.now()).rawValue)", context),
            backLink: reader == .network ? SiteURL.surveys.path : nil,
            csvLink: SiteURL.surveyResultsCSV(survey.id).path,
            columns: query.territories.map { column($0, context: context, services: services) },
            responses: tables.first!, questions: Array(tables.dropFirst()),
            texts: query.texts.map { answers in
                definition.questions.filter { $0.kind == .text }.map { question in
                    SurveyResultsPage.TextQuestion(
                        question: question.text, answers: answers.compactMap { $0.texts[question.id] })
                }
            })
    }

    static func column(_ territory: Territory, context: AppRequestContext, services: AppServices) -> String {
        territory == .whole
            ? services.views.text("survey.whole", context)
            : SurveyListPage.Model.territoryLabel(territory, context: context, services: services)
    }

    /// The responses' table first, then one per question that is counted (free text never is).
    static func tables(_ query: SurveyResultsPage.Query, context: AppRequestContext, services: AppServices)
        -> [SurveyResultsPage.Table]
    {
        let views = services.views
        let period = query.survey.period
        let byName = Dictionary(query.tables.map { ($0.name, $0) }) { a, _ in a }
        func cells(_ table: String, _ category: String?) -> [SurveyResultsPage.Cell] {
            query.territories.map { territory in
                cell(byName[table]?[CellKey(territory, period, category)], context: context, services: services)
            }
        }
        var tables = [
            SurveyResultsPage.Table(
                caption: views.text("survey.results_responses", context), note: nil,
                rows: [
                    .init(
                        label: views.text("survey.results_responses", context), total: true,
                        cells: cells(SurveyTables.responsesTable, nil))
                ])
        ]
        for question in query.survey.survey.questions where question.kind != .text {
            let name = SurveyTables.table(question)
            var rows = [
                SurveyResultsPage.Row(
                    label: views.text("survey.results_answered", context), total: true, cells: cells(name, nil))
            ]
            let labels =
                question.kind == .scale
                ? SurveyQuestion.scaleValues.map { ($0, views.text("survey.scale.\($0)", context)) }
                : (question.options ?? []).map { ($0.id, $0.label) }
            rows += labels.map { SurveyResultsPage.Row(label: $0.1, total: false, cells: cells(name, $0.0)) }
            if question.kind == .scale {
                rows.append(
                    .init(
                        label: views.text("survey.results_mean", context), total: true,
                        cells: cells(SurveyTables.meanTable(question), nil)))
            }
            tables.append(
                .init(
                    caption: question.text,
                    note: question.kind == .multiple ? views.text("survey.results_multiple", context) : nil,
                    rows: rows))
        }
        return tables
    }

    static func cell(_ protected: ProtectedCell?, context: AppRequestContext, services: AppServices)
        -> SurveyResultsPage.Cell
    {
        guard let protected else { return .init(value: "–", hidden: false) }
        if let reason = protected.suppression {
            return .init(value: services.views.text("survey.hidden.\(reason.rawValue)", context), hidden: true)
        }
        switch protected.cell.value {
        case .count(let n): return .init(value: "\(n)", hidden: false)
        case .mean(let mean, let spread):
            return .init(
                value: services.views.text(
                    "survey.results_mean_value", context,
                    ["mean": decimal(mean, context), "spread": decimal(spread, context)]), hidden: false)
        }
    }

    /// One decimal, with a comma in French.
    static func decimal(_ value: Double, _ context: AppRequestContext) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10)\(context.language == .fr ? "," : ".")\(abs(tenths % 10))"
    }

    /// The figures as CSV lines: the question, the row, then one column per territory. Never a free text.
    static func csv(_ query: SurveyResultsPage.Query, context: AppRequestContext, services: AppServices)
        -> [[String]]
    {
        let header =
            [services.views.text("survey.csv_question", context), services.views.text("survey.csv_row", context)]
            + query.territories.map { column($0, context: context, services: services) }
        return [header]
            + tables(query, context: context, services: services).flatMap { table in
                table.rows.map { [table.caption, $0.label] + $0.cells.map(\.value) }
            }
    }
}
