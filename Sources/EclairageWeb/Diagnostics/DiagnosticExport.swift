import EclairageDomain
import Foundation

/// A diagnostic's answers and scores as downloaded (JSON as it is, CSV one row per answer and theme).
struct DiagnosticExport: Encodable {
    struct Answer: Encodable {
        let theme: String?
        let question: String
        let questionText: String
        let option: String
        let optionLabel: String
        let score: Int?
    }
    struct ThemeResult: Encodable {
        let theme: String
        let title: String
        let score: Int?
    }
    let id: String
    let questionnaireVersion: String
    let createdAt: Date
    let overall: Int?
    let level: String?
    let themes: [ThemeResult]
    let nextSteps: [String]
    let answers: [Answer]
}

extension DiagnosticExport {
    init(_ diagnostic: Diagnostic, answers: Answers, questionnaire: Questionnaire, departements: [Departement]) {
        let report = Report.make(answers: answers, questionnaire: questionnaire, stored: diagnostic.storedScores)
        var rows: [Answer] = []
        for question in questionnaire.context {
            for option in answers[question.id] {
                let label =
                    question.options.first { $0.id == option }?.label ?? departements.first {
                        $0.code == option
                    }?.name ?? option
                rows.append(
                    .init(
                        theme: nil, question: question.id, questionText: question.text, option: option,
                        optionLabel: label, score: nil))
            }
        }
        for theme in questionnaire.themes {
            for question in theme.questions {
                for option in answers[question.id] {
                    let chosen = question.options.first { $0.id == option }
                    rows.append(
                        .init(
                            theme: theme.id, question: question.id, questionText: question.text, option: option,
                            optionLabel: chosen?.label ?? option, score: chosen?.score))
                }
            }
        }
        self.init(
            id: diagnostic.id, questionnaireVersion: report.questionnaireVersion,
            createdAt: Date(timeIntervalSince1970: TimeInterval(diagnostic.createdAt)),
            overall: report.overall, level: report.level?.rawValue,
            themes: report.themes.map { .init(theme: $0.themeID, title: $0.title, score: $0.score) },
            nextSteps: report.nextSteps.map(\.title), answers: rows
        )
    }

    /// The CSV text: one line per answer (context questions under "contexte"), then one per theme's score.
    func csv(separator: Character) -> String {
        var text = CSVWriter.line(
            ["theme", "question", "question_text", "option", "answer", "score"], separator: separator)
        for row in answers {
            text += CSVWriter.line(
                [
                    row.theme ?? "contexte", row.question, row.questionText, row.option, row.optionLabel,
                    row.score.map(String.init) ?? "",
                ], separator: separator)
        }
        for theme in themes {
            text += CSVWriter.line(
                [theme.theme, "score_du_theme", theme.title, "", "", theme.score.map(String.init) ?? ""],
                separator: separator)
        }
        return text
    }
}
