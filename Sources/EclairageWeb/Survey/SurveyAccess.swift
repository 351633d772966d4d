import EclairageDomain
import Hummingbird
import SQLKit

/// Who reads a survey's results: the network (the administrator and editors), who also read the free
/// texts, or an advisor of a vetted support body, who reads the published figures only.
enum SurveyReader: Sendable, Equatable {
    case network, advisor

    /// Anyone else is refused (403; signed out: invited to sign in).
    static func of(_ context: AppRequestContext, services: AppServices) async throws -> SurveyReader {
        let user = try context.requireUser()
        if user.editor { return .network }
        guard try await services.advisesVettedBody(user.id) else { throw PageError.forbidden }
        return .advisor
    }
}

extension AppServices {
    /// Which région each département belongs to: the observatory's map (from `departements.yaml`), so
    /// that a survey's figures are cut and protected along the same territories.
    var surveyMap: TerritoryMap { observatoryMap }

    var surveyRegions: Set<String> { Set(content.regions.map(\.code)) }
}

/// The data files' surveys (`Content/surveys/*.yaml`) join the database at start, each under its file's
/// name: a new file makes a new survey (with its own link); a changed file updates its survey's days, and
/// its questions while no one has answered (afterwards the answers would no longer match them).
enum SurveyFiles {
    static func sync(_ files: [SurveyFile], now: Int64, tokens: TokenSource, in sql: any SQLDatabase) async throws {
        for file in files {
            let definition = SurveyRow.encode(file.definition)
            let (opens, closes) = SurveyRow.instants(file.definition)
            guard let existing = try await SurveyQueries.find(source: file.name, in: sql) else {
                try await SurveyQueries.insertFromFile(
                    SurveyRow(
                        id: tokens.identifier(), token: tokens.random(), source: file.name, definition: definition,
                        opensAt: opens, closesAt: closes, createdBy: nil, createdAt: now, updatedAt: now), in: sql)
                continue
            }
            // The dates always follow the file; the questions only while no one has answered.
            let answered = try await SurveyQueries.responseCount(of: existing.id, in: sql) > 0
            let kept = answered ? existing.definition : definition
            guard kept != existing.definition || existing.opensAt != opens || existing.closesAt != closes else {
                continue
            }
            try await SurveyQueries.update(
                id: existing.id, definition: kept, opensAt: opens, closesAt: closes, now: now, in: sql)
        }
    }
}
