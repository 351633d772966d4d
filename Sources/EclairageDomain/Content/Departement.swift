import Foundation
import Yams

/// A French département (code "01"…"95", "2A", "2B", "971"…"976").
public struct Departement: Codable, Sendable, Equatable {
    public let code: String
    public let name: String

    /// Reads `departements.yaml` from the content folder.
    public static func load(from contentDirectory: URL) throws -> [Departement] {
        let file = contentDirectory.appendingPathComponent("departements.yaml")
        let list = try ContentFile.decode([Departement].self, from: file)
        var seen = Set<String>()
        for (index, departement) in list.enumerated() {
            guard seen.insert(departement.code).inserted else {
                throw ContentError(
                    file: file.lastPathComponent, line: nil, field: "[\(index)].code",
                    message: "code « \(departement.code) » en double")
            }
        }
        return list
    }
}
