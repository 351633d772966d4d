import Foundation
import Yams

/// A problem in a content file, naming the file, the line when known, and the field.
public struct ContentError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let field: String
    public let message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file), ligne \($0)" } ?? file
        return "\(place), champ « \(field) » : \(message)"
    }
}

/// Decoding a YAML content file, turning decoding errors into `ContentError`s with the line of the field.
public enum ContentFile {
    public static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        try decodeWithNode(type, from: file).0
    }

    /// Decodes and also returns the YAML tree, to locate problems found after decoding.
    public static func decodeWithNode<T: Decodable>(_ type: T.Type, from file: URL) throws -> (T, Node) {
        let text: String
        do {
            // Content is French: its spacing rules are applied here, once (line numbers do not move).
            text = FrenchTypography.apply(try String(contentsOf: file, encoding: .utf8))
        } catch {
            throw ContentError(
                file: file.lastPathComponent, line: nil, field: "-", message: "fichier illisible ou absent")
        }
        return try decodeWithNode(type, yaml: text, fileName: file.lastPathComponent)
    }

    public static func decode<T: Decodable>(_ type: T.Type, yaml text: String, fileName: String) throws -> T {
        try decodeWithNode(type, yaml: text, fileName: fileName).0
    }

    /// Scalars are resolved by the decoder from the expected type (the `.basic` resolver): Yams's default
    /// resolver guesses types with regular expressions, which loads the ICU data for nothing.
    static func decodeWithNode<T: Decodable>(_ type: T.Type, yaml text: String, fileName: String) throws -> (T, Node) {
        guard let node = try compose(text, fileName: fileName) else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "fichier vide")
        }
        let recorder = KeyRecorder()
        let value: T
        do {
            value = try KeyRecorder.decode(T.self, from: node, recorder: recorder)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            if case .keyNotFound(let key, let context) = error,
                let typo = misspelling(
                    of: key.stringValue, at: context.codingPath, in: node, recorder: recorder, fileName: fileName)
            {
                throw typo
            }
            let line = locate(path, in: node)
            throw ContentError(file: fileName, line: line, field: fieldName(path), message: message)
        }
        if let error = unknownKey(in: node, recorder: recorder, fileName: fileName) { throw error }
        return (value, node)
    }

    /// The YAML tree of `text` (nil for an empty file); broken YAML is a `ContentError` with its line.
    static func compose(_ text: String, fileName: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ContentError(file: fileName, line: error.line, field: "-", message: "YAML invalide (\(error))")
        }
    }

    /// The first key (by line) of a mapping the type decoded that the type never asked for.
    static func unknownKey(in root: Node, recorder: KeyRecorder, fileName: String) -> ContentError? {
        var found: [ContentError] = []
        for (name, asked) in recorder.asked {
            guard let path = recorder.paths[name], let mapping = node(at: path, in: root)?.mapping else { continue }
            for (key, _) in mapping {
                guard let text = key.string, !asked.contains(text) else { continue }
                let expected = asked.sorted().map { "« \($0) »" }.joined(separator: ", ")
                found.append(
                    ContentError(
                        file: fileName, line: key.mark?.line, field: fieldName(path + [AnyKey(text)]),
                        message: "champ inconnu « \(text) » (champs attendus ici : \(expected))"))
            }
        }
        return found.min { ($0.line ?? 0, $0.field) < ($1.line ?? 0, $1.field) }
    }

    /// A required key is missing and the same mapping holds an unknown key spelt nearly like it:
    /// the unknown key is named, on its line, rather than the absence.
    static func misspelling(
        of key: String, at path: [any CodingKey], in root: Node, recorder: KeyRecorder, fileName: String
    ) -> ContentError? {
        guard let mapping = node(at: path, in: root)?.mapping else { return nil }
        let asked = recorder.asked[fieldName(path)] ?? []
        for (candidate, _) in mapping {
            guard let text = candidate.string, !asked.contains(text), text != key, editDistance(text, key) <= 2 else {
                continue
            }
            return ContentError(
                file: fileName, line: candidate.mark?.line, field: fieldName(path + [AnyKey(text)]),
                message: "champ inconnu « \(text) » : voulez-vous dire « \(key) » ?")
        }
        return nil
    }

    /// The node at exactly `path`, or nil.
    static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let child = node.mapping?[Node(key.stringValue)] {
                node = child
            } else {
                return nil
            }
        }
        return node
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (context.codingPath + [key], "champ obligatoire absent")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return (context.codingPath, "valeur du mauvais type (\(context.debugDescription))")
        case .dataCorrupted(let context):
            return (context.codingPath, context.debugDescription)
        @unknown default:
            return ([], "\(error)")
        }
    }

    static func fieldName(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
            in: CharacterSet(charactersIn: "."))
    }

    /// The line of the deepest node of `path` that exists in the document.
    static func locate(_ path: [any CodingKey], in root: Node) -> Int? {
        var node = root
        var line = root.mark?.line
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let mapping = node.mapping, let child = mapping[Node(key.stringValue)] {
                node = child
            } else {
                break
            }
            line = node.mark?.line ?? line
        }
        return line
    }
}

/// A key by name, to name a field the type does not know.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
