import Foundation
import Yams

/// A French département (code "01"…"95", "2A", "2B", "971"…"976") and the région it belongs to.
public struct Departement: Codable, Sendable, Equatable {
    public let code: String
    public let name: String
    /// The INSEE code of its région (`regions.yaml`).
    public let region: String

    public init(code: String, name: String, region: String) {
        self.code = code
        self.name = name
        self.region = region
    }

    /// Reads `departements.yaml` from the content folder, each département's région checked against
    /// `regions`.
    public static func load(from contentDirectory: URL, regions: [Region]) throws -> [Departement] {
        let file = contentDirectory.appendingPathComponent("departements.yaml")
        let (list, node) = try ContentFile.decodeWithNode([Departement].self, from: file)
        let known = Set(regions.map(\.code))
        var seen = Set<String>()
        for (index, departement) in list.enumerated() {
            guard seen.insert(departement.code).inserted else {
                throw ContentError(
                    file: file.lastPathComponent, line: nil, field: "[\(index)].code",
                    message: "code « \(departement.code) » en double")
            }
            guard known.contains(departement.region) else {
                let line = node.sequence?[index].mapping?[Node("region")]?.mark?.line
                throw ContentError(
                    file: file.lastPathComponent, line: line, field: "[\(index)].region",
                    message: "région « \(departement.region) » absente de regions.yaml")
            }
        }
        return list
    }
}

/// A French région, by its INSEE code ("84", "11", "01"…).
public struct Region: Codable, Sendable, Equatable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// Reads `regions.yaml` from the content folder.
    public static func load(from contentDirectory: URL) throws -> [Region] {
        let file = contentDirectory.appendingPathComponent("regions.yaml")
        let list = try ContentFile.decode([Region].self, from: file)
        var seen = Set<String>()
        for (index, region) in list.enumerated() where !seen.insert(region.code).inserted {
            throw ContentError(
                file: file.lastPathComponent, line: nil, field: "[\(index)].code",
                message: "code « \(region.code) » en double")
        }
        return list
    }
}

extension TerritoryMap {
    /// The map the content describes: each département under its région.
    public init(departements: [Departement]) {
        self.init(regionOfDepartement: Dictionary(departements.map { ($0.code, $0.region) }) { first, _ in first })
    }
}
