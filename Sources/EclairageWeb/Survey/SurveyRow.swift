import EclairageDomain
import Foundation

/// A row of `surveys`: the definition as JSON, its days turned into the instants it opens and closes
/// (Paris midnight of the first day, of the day after the last).
struct SurveyRow: Codable, Sendable {
    var id: String
    var token: String
    var source: String?
    var definition: String
    var opensAt: Int64
    var closesAt: Int64
    var createdBy: String?
    var createdAt: Int64
    var updatedAt: Int64

    /// The definition; a row that no longer decodes (written by a newer version) reads as an empty survey.
    var survey: SurveyDefinition {
        (try? JSONDecoder().decode(SurveyDefinition.self, from: Data(definition.utf8)))
            ?? SurveyDefinition(title: "", introduction: "", territory: "whole", opens: "", closes: "", questions: [])
    }

    var area: Territory { survey.area ?? .whole }

    /// Before it opens, open, or closed, at `now`.
    func state(at now: Int64) -> SurveyState {
        now < opensAt ? .upcoming : now < closesAt ? .open : .closed
    }

    /// The period its results are counted in: the year it closes.
    var period: ObservatoryPeriod { .year(DateFormatting.parisDay(closesAt - 1).civil.0) }

    static func encode(_ definition: SurveyDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(definition)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The instants of a checked definition's days.
    static func instants(_ definition: SurveyDefinition) -> (opens: Int64, closes: Int64) {
        let opens = definition.opensDay.map(DateFormatting.parisMidnight) ?? 0
        let closes = definition.closesDay.map { DateFormatting.parisMidnight(Day(number: $0.number + 1)) } ?? 0
        return (opens, closes)
    }
}

enum SurveyState: String, Sendable {
    case upcoming, open, closed
}

/// A row of `survey_responses`: choices and free texts as JSON, apart.
struct SurveyResponseRow: Codable, Sendable {
    var id: String
    var surveyId: String
    var respondent: String
    var associationId: String?
    var departement: String
    var choices: String
    var texts: String
    var createdAt: Int64
    var updatedAt: Int64

    var answers: SurveyAnswers {
        SurveyAnswers(
            choices: (try? JSONDecoder().decode([String: [String]].self, from: Data(choices.utf8))) ?? [:],
            texts: (try? JSONDecoder().decode([String: String].self, from: Data(texts.utf8))) ?? [:])
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// How long the answers of a closed survey are kept: long enough to compare with the next survey,
/// then deleted (the survey itself, without personal data, stays).
enum SurveyRetention {
    static let keptYears = 2
}
