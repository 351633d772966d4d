/// Checks one CSV row against the national schema and builds the place. Common spreadsheet variants
/// are corrected where only one reading is possible (case and spacing of listed values, phone numbers
/// written the French way, dates as dd/mm/yyyy, decimal commas, a postcode that lost its leading
/// zero when the commune confirms it); each correction is reported as a note. Anything else is a
/// problem naming the column, in French; a row with a problem is not imported.
public struct PlaceRowChecker {
    public struct Finding: Sendable, Equatable, Codable {
        public let column: String
        public let message: String
        public init(column: String, message: String) {
            self.column = column
            self.message = message
        }
    }

    public struct Outcome: Sendable {
        public var place: Place?
        public var problems: [Finding]
        public var notes: [Finding]
    }

    public enum HeaderProblem: Error, Sendable, Equatable, CustomStringConvertible {
        case missingColumns([String])
        public var description: String {
            switch self {
            case .missingColumns(let names):
                "L'en-tête du fichier n'a pas les colonnes obligatoires du schéma : \(names.joined(separator: ", "))."
            }
        }
    }

    let schema: DirectorySchema
    let header: [String]
    let positions: [String: Int]
    let patterns: [String: Regex<AnyRegexOutput>]
    let enumerations: [String: [String: String]]
    /// Whether a commune (by name, as typed) has this postcode: confirms a postcode that lost its zero.
    let postcodeBelongs: (String, String) -> Bool
    public let unknownColumns: [String]

    public init(
        schema: DirectorySchema, header rawHeader: [String],
        postcodeBelongs: @escaping (String, String) -> Bool = { _, _ in false }
    ) throws {
        self.schema = schema
        header = rawHeader.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        let missing = schema.columns.filter { $0.required && positions[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else { throw HeaderProblem.missingColumns(missing) }
        unknownColumns = header.filter { name in !name.isEmpty && schema.column(name) == nil }
        var patterns: [String: Regex<AnyRegexOutput>] = [:]
        var enumerations: [String: [String: String]] = [:]
        for column in schema.columns {
            if let pattern = column.pattern { patterns[column.name] = try Regex(pattern) }
            if let values = column.values {
                var byKey: [String: String] = [:]
                for value in values { byKey[Self.key(value)] = value }
                enumerations[column.name] = byKey
            }
        }
        self.patterns = patterns
        self.enumerations = enumerations
        self.postcodeBelongs = postcodeBelongs
    }

    /// Case, accents, spaces and punctuation set aside: how two spellings of a listed value are compared.
    static func key(_ value: String) -> String { SearchText.normalise(value) }

    public func check(_ fields: [String]) -> Outcome {
        var outcome = Outcome(place: nil, problems: [], notes: [])
        guard fields.count == header.count else {
            outcome.problems.append(
                .init(
                    column: "-", message: "la ligne a \(fields.count) champs alors que l'en-tête en a \(header.count)"))
            return outcome
        }
        var place = Place(externalID: "", name: "", commune: "", postcode: "", address: "", updatedOn: "")
        for column in schema.columns {
            let raw = positions[column.name].map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            if raw.isEmpty {
                if column.required {
                    outcome.problems.append(.init(column: column.name, message: "ce champ doit être rempli"))
                }
                continue
            }
            if let maxLength = column.maxLength, raw.count > maxLength {
                outcome.problems.append(
                    .init(
                        column: column.name, message: "texte trop long : \(raw.count) caractères, \(maxLength) au plus")
                )
                continue
            }
            let pieces =
                column.multiple
                ? raw.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                : [raw]
            var values: [String] = []
            for piece in pieces {
                switch checkValue(piece, column: column, fields: fields) {
                case .accepted(let value, let note):
                    values.append(value)
                    if let note { outcome.notes.append(.init(column: column.name, message: note)) }
                case .refused(let message):
                    outcome.problems.append(.init(column: column.name, message: message))
                }
            }
            place.setSchemaValues(column.name, values)
        }
        outcome.problems += crossChecks(place)
        if outcome.problems.isEmpty { outcome.place = place }
        return outcome
    }

    enum Verdict { case accepted(String, note: String?), refused(String) }

    func checkValue(_ value: String, column: DirectorySchema.Column, fields: [String]) -> Verdict {
        if let byKey = enumerations[column.name] {
            if column.values?.contains(value) == true { return .accepted(value, note: nil) }
            if let match = byKey[Self.key(value)] {
                return .accepted(match, note: "« \(value) » lu comme « \(match) »")
            }
            return .refused("« \(value) » ne fait pas partie des valeurs possibles pour ce champ")
        }
        func problem(_ text: String) -> String? {
            matches(text, column.name)
                ? typeProblem(text, column: column) ?? semanticProblem(text, column: column.name)
                : Self.patternMessage(column.name, text)
        }
        guard let message = problem(value) else { return .accepted(value, note: nil) }
        if let corrected = correction(of: value, column: column, fields: fields), corrected != value,
            problem(corrected) == nil
        {
            return .accepted(corrected, note: "« \(value) » corrigé en « \(corrected) »")
        }
        return .refused(message)
    }

    /// What the column's type, format and range declare: a number within its range, a day that exists,
    /// an `http`/`https` address, a plausible e-mail address.
    func typeProblem(_ value: String, column: DirectorySchema.Column) -> String? {
        switch column.type {
        case .number:
            guard let number = Double(value), number.isFinite else {
                return "« \(value) » n'est pas un nombre décimal (exemple : 47.3941)"
            }
            if let minimum = column.minimum, number < minimum {
                return "« \(value) » est inférieur à \(Self.french(minimum)), le minimum"
            }
            if let maximum = column.maximum, number > maximum {
                return "« \(value) » dépasse \(Self.french(maximum)), le maximum"
            }
        case .date:
            if Day(iso: value) == nil {
                return "« \(value) » n'est pas une date existante (format attendu : AAAA-MM-JJ)"
            }
        case .string:
            break
        }
        switch column.format {
        case .uri?: return WebAddress.isAcceptable(value) ? nil : WebAddress.problem(value)
        case .email?: return EmailAddress.isPlausible(value) ? nil : "« \(value) » n'est pas une adresse électronique"
        case .default?, nil: return nil
        }
    }

    /// A bound as French writes it: `-90`, `0,5`.
    static func french(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15
            ? String(Int(number)) : String(number).replacingOccurrences(of: ".", with: ",")
    }

    /// The values of the columns the schema declares unique, seen so far in one file: a second row
    /// with the same value is refused, naming the line of the first.
    public struct UniqueValues: Sendable {
        let columns: [String]
        var seen: [String: [String: Int]] = [:]

        public init(schema: DirectorySchema) { columns = schema.columns.filter(\.unique).map(\.name) }

        /// Records the place's values (when it passed its own checks) and returns the repeated ones.
        public mutating func check(_ place: Place, line: Int) -> [Finding] {
            var problems: [Finding] = []
            for column in columns {
                for value in place.schemaValues(column) {
                    if let first = seen[column]?[value] {
                        problems.append(
                            .init(
                                column: column,
                                message:
                                    "« \(value) » déjà utilisé ligne \(first) : la valeur doit être unique dans le fichier"
                            ))
                    }
                }
            }
            if problems.isEmpty {
                for column in columns {
                    for value in place.schemaValues(column) { seen[column, default: [:]][value] = line }
                }
            }
            return problems
        }
    }

    func matches(_ value: String, _ column: String) -> Bool {
        guard let regex = patterns[column] else { return true }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}
