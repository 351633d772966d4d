import Foundation

/// The national schema "Lieux de médiation numérique" as the project ships it
/// (`Content/directory/schema-lieux-mediation.yaml`): columns in order and the constraints of each
/// (required, pattern, enumeration, type, format, maximum length, range, uniqueness). Imports and the
/// proposal and edit forms check rows against it (`PlaceRowChecker`); exports follow it.
///
/// A file cannot declare a constraint that would be ignored: a key this type does not read stops the
/// loading (`ContentFile`), kinds the checker does not enforce (an unknown `type` or `format`) fail to
/// decode, and a constraint given where it means nothing (a range on text, a format on a number) is
/// refused below.
public struct DirectorySchema: Sendable, Decodable {
    public let version: String
    public let separator: String
    /// Where the file's content comes from (for people; not a constraint).
    public let source: [String]
    public let columns: [Column]

    /// Table Schema field types the checker enforces.
    public enum ValueType: String, Sendable, Decodable { case string, number, date }

    /// Table Schema formats the checker enforces: `default` (a date as YYYY-MM-DD), `uri` (an `http`
    /// or `https` web address, `WebAddress`) and `email` (`EmailAddress.isPlausible`).
    public enum Format: String, Sendable, Decodable { case `default`, uri, email }

    public struct Column: Sendable, Decodable {
        public let name: String
        public let required: Bool
        public let type: ValueType
        public let pattern: String?
        public let multiple: Bool
        public let values: [String]?
        public let label: String
        /// No two rows of a file share the value.
        public let unique: Bool
        /// At most this many characters in the cell.
        public let maxLength: Int?
        public let format: Format?
        /// The range of a number.
        public let minimum: Double?
        public let maximum: Double?

        enum CodingKeys: String, CodingKey {
            case name, required, type, pattern, multiple, values, label, unique, format, minimum, maximum
            case maxLength = "max_length"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            required = try c.decode(Bool.self, forKey: .required)
            type = try c.decode(ValueType.self, forKey: .type)
            pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
            multiple = try c.decode(Bool.self, forKey: .multiple)
            values = try c.decodeIfPresent([String].self, forKey: .values)
            label = try c.decode(String.self, forKey: .label)
            unique = try c.decodeIfPresent(Bool.self, forKey: .unique) ?? false
            maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
            format = try c.decodeIfPresent(Format.self, forKey: .format)
            minimum = try c.decodeIfPresent(Double.self, forKey: .minimum)
            maximum = try c.decodeIfPresent(Double.self, forKey: .maximum)
        }

        /// One value breaking each constraint the column declares, by kind of constraint: what a test of
        /// the checker sends (kept beside the constraints, so a new kind comes with its counterexample).
        public var counterexamples: [(kind: String, value: String)] {
            var bad: [(String, String)] = []
            if required { bad.append(("required", "")) }
            if pattern != nil, values == nil { bad.append(("pattern", "§§")) }
            if values != nil { bad.append(("values", "Valeur inconnue du schéma")) }
            if let maxLength { bad.append(("max_length", String(repeating: "a", count: maxLength + 1))) }
            switch type {
            case .number: bad.append(("type", "pas un nombre"))
            case .date: bad.append(("type", "2026-02-30"))
            case .string: break
            }
            if let minimum { bad.append(("minimum", String(minimum - 1))) }
            if let maximum { bad.append(("maximum", String(maximum + 1))) }
            switch format {
            case .uri?:
                for value in [
                    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//example.org",
                    "ftp://example.org", "https://",
                ] {
                    bad.append(("format", value))
                }
            case .email?: bad.append(("format", "root,attacker@example.org"))
            case .default?, nil: break
            }
            return bad
        }

        /// Why this combination of constraints cannot be enforced, or nil.
        var inconsistency: String? {
            if minimum != nil || maximum != nil, type != .number {
                return "une plage (minimum, maximum) ne s'applique qu'à un nombre"
            }
            if let minimum, let maximum, minimum > maximum { return "le minimum dépasse le maximum" }
            if let maxLength, maxLength < 1 { return "max_length doit être un entier positif" }
            switch (type, format) {
            case (.date, nil), (.date, .default?), (.string, nil), (.string, .uri?), (.string, .email?), (.number, nil):
                break
            case (_, let format?):
                return "le format « \(format.rawValue) » ne s'applique pas au type « \(type.rawValue) »"
            }
            if values != nil, type != .string { return "une liste de valeurs ne s'applique qu'à du texte" }
            // Every text a person types has a limit: free text (no pattern, no list) must declare its length.
            if type == .string, pattern == nil, values == nil, maxLength == nil {
                return "une colonne de texte libre doit déclarer max_length"
            }
            return nil
        }
    }

    public static let fileName = "schema-lieux-mediation.yaml"

    /// Reads the schema without the house typography (enumerations are matched byte for byte).
    public static func load(from contentDirectory: URL) throws -> DirectorySchema {
        let file = contentDirectory.appendingPathComponent("directory").appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "fichier illisible ou absent")
        }
        return try parse(text, fileName: fileName)
    }

    /// Decodes and checks a schema's text.
    public static func parse(_ text: String, fileName: String = fileName) throws -> DirectorySchema {
        let (schema, node) = try ContentFile.decodeWithNode(DirectorySchema.self, yaml: text, fileName: fileName)
        func line(_ index: Int, _ key: String) -> Int? {
            ContentFile.locate([AnyKey("columns"), IndexKey(index), AnyKey(key)], in: node)
        }
        var seen = Set<String>()
        for (index, column) in schema.columns.enumerated() {
            guard seen.insert(column.name).inserted else {
                throw ContentError(
                    file: fileName, line: line(index, "name"), field: "columns[\(index)].name",
                    message: "colonne « \(column.name) » en double")
            }
            if let pattern = column.pattern, (try? Regex(pattern)) == nil {
                throw ContentError(
                    file: fileName, line: line(index, "pattern"), field: "columns[\(index)].pattern",
                    message: "expression régulière invalide")
            }
            if let problem = column.inconsistency {
                throw ContentError(
                    file: fileName, line: line(index, "name"), field: "columns[\(index)]",
                    message: "colonne « \(column.name) » : \(problem)")
            }
        }
        guard schema.columns.map(\.name) == Place.schemaColumns else {
            throw ContentError(
                file: fileName, line: nil, field: "columns",
                message: "les colonnes doivent être, dans cet ordre : \(Place.schemaColumns.joined(separator: ", "))")
        }
        return schema
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The enumeration of a column (empty when free text).
    public func values(_ name: String) -> [String] { column(name)?.values ?? [] }
}

/// A position in a list, to locate a field of a content file.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
