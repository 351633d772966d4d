import Foundation

/// A survey written as a data file, `Content/surveys/NAME.yaml`: read and checked at start, so that a
/// mistake stops the server with the file, the line and the field (an unknown key included).
public struct SurveyFile: Sendable, Equatable {
    /// The file's name without `.yaml`: the survey is kept under it, so restarting does not make another.
    public let name: String
    public let definition: SurveyDefinition

    public init(name: String, definition: SurveyDefinition) {
        self.name = name
        self.definition = definition
    }

    /// Every `*.yaml` of `surveys/` in the content folder, by file name; none when the folder is absent.
    public static func loadAll(
        from contentDirectory: URL, departements: Set<String>, regions: Set<String>
    ) throws -> [SurveyFile] {
        let folder = contentDirectory.appendingPathComponent("surveys")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            let file = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw ContentError(file: name, line: nil, field: "-", message: "fichier illisible")
            }
            let definition = try decode(
                yaml: FrenchTypography.apply(text), fileName: name, departements: departements, regions: regions)
            return SurveyFile(name: String(name.dropLast(".yaml".count)), definition: definition)
        }
    }

    /// A definition given as text (tests, checks), named `fileName` in its errors.
    public static func decode(
        yaml: String, fileName: String, departements: Set<String>, regions: Set<String>
    ) throws -> SurveyDefinition {
        let (definition, node) = try ContentFile.decodeWithNode(SurveyDefinition.self, yaml: yaml, fileName: fileName)
        if let problem = definition.problems(departements: departements, regions: regions).first {
            let path = problem.path.map(\.codingKey)
            throw ContentError(
                file: fileName, line: ContentFile.locate(path, in: node), field: ContentFile.fieldName(path),
                message: problem.code.message)
        }
        return definition
    }
}

extension SurveyProblem.Step {
    var codingKey: any CodingKey {
        switch self {
        case .key(let name): AnyKey(name)
        case .index(let index): IndexKey(index)
        }
    }
}
