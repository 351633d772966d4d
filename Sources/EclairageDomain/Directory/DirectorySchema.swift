import Foundation

/// The national schema "Lieux de médiation numérique" as the project ships it
/// (`Content/directory/schema-lieux-mediation.yaml`): columns in order, which are required, which hold
/// several values, their patterns and enumerations. Imports check rows against it; exports follow it.
public struct DirectorySchema: Sendable, Decodable {
    public let version: String
    public let separator: String
    public let columns: [Column]

    public struct Column: Sendable, Decodable {
        public let name: String
        public let required: Bool
        public let type: String
        public let pattern: String?
        public let multiple: Bool
        public let values: [String]?
        public let label: String
    }

    public static let fileName = "schema-lieux-mediation.yaml"

    /// Reads the schema without the house typography (enumerations are matched byte for byte).
    public static func load(from contentDirectory: URL) throws -> DirectorySchema {
        let file = contentDirectory.appendingPathComponent("directory").appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "fichier illisible ou absent")
        }
        let schema = try ContentFile.decode(DirectorySchema.self, yaml: text, fileName: fileName)
        var seen = Set<String>()
        for (index, column) in schema.columns.enumerated() {
            guard seen.insert(column.name).inserted else {
                throw ContentError(file: fileName, line: nil, field: "columns[\(index)].name", message: "colonne « \(column.name) » en double")
            }
            if let pattern = column.pattern, (try? Regex(pattern)) == nil {
                throw ContentError(file: fileName, line: nil, field: "columns[\(index)].pattern", message: "expression régulière invalide")
            }
        }
        guard schema.columns.map(\.name) == Place.schemaColumns else {
            throw ContentError(file: fileName, line: nil, field: "columns", message: "les colonnes doivent être, dans cet ordre : \(Place.schemaColumns.joined(separator: ", "))")
        }
        return schema
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The enumeration of a column (empty when free text).
    public func values(_ name: String) -> [String] { column(name)?.values ?? [] }
}
