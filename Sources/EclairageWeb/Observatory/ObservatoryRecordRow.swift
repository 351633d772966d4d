import EclairageDomain
import Foundation
import SQLKit

/// Rows of `observatory_records`: an `ObservatoryRecord` with its own random id and the two links
/// that go when the diagnostic or the association is deleted.
struct ObservatoryRecordRow: Codable, Sendable {
    var id: String
    var diagnosticId: String?
    var associationId: String?
    var month: String
    var departement: String?
    var sizeBand: String?
    var questionnaireVersion: String
    var overall: Int
    var level: String
    /// JSON object: theme id → score.
    var scores: String
    /// JSON list of the record's tags.
    var tags: String
    var createdAt: Int64

    init(
        _ record: ObservatoryRecord, id: String = Token.identifier(), diagnosticID: String?, associationID: String?,
        now: Int64
    ) {
        self.id = id
        diagnosticId = diagnosticID
        associationId = associationID
        month = record.month
        departement = record.departement
        sizeBand = record.sizeBand
        questionnaireVersion = record.questionnaireVersion
        overall = record.overall
        level = record.level.rawValue
        scores = Self.json(record.scores)
        tags = Self.json(record.tags)
        createdAt = now
    }

    private static func json(_ value: some Encodable) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}
