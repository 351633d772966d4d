import SQLKit

/// Rows are `Codable` structs with camelCase properties; columns are snake_case.
extension SQLQueryFetcher {
    func rows<D: Decodable>(_: D.Type) async throws -> [D] {
        try await all(decoding: D.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func row<D: Decodable>(_: D.Type) async throws -> D? {
        try await first(decoding: D.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

extension SQLInsertBuilder {
    func row(_ value: some Encodable) throws -> Self {
        try model(value, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    }

    /// Many rows in one statement, their columns from the row type (nil values written as NULL).
    func rows(_ values: [some Encodable]) throws -> Self {
        try models(values, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    }
}

extension SQLUpdateBuilder {
    /// Every column of a row struct (nil values written as NULL).
    func set(row value: some Encodable & Sendable) throws -> Self {
        try set(model: value, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    }
}

/// A single integer result (`SELECT COUNT(*) AS n`).
struct CountRow: Decodable { let n: Int }
