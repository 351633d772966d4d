import Foundation
import Yams

/// A figure from a national study shown beside the observatory's own (`observatory/reference.yaml`):
/// the share of associations that declared a difficulty, or that use free software.
public struct ObservatoryReference: Codable, Sendable, Equatable {
    /// The tag it compares with ("difficulty:human", "free-software:yes").
    public let indicator: String
    /// A percentage, 0 to 100.
    public let share: Int
    public let source: String
    public let year: Int

    static let indicators: Set<String> = [
        "difficulty:human", "difficulty:financial", "difficulty:technical", "free-software:yes",
    ]

    /// Reads the file, each figure checked (a known indicator, a share between 0 and 100, once each).
    public static func load(from contentDirectory: URL) throws -> [ObservatoryReference] {
        let file = contentDirectory.appendingPathComponent("observatory/reference.yaml")
        let (list, node) = try ContentFile.decodeWithNode([ObservatoryReference].self, from: file)
        var seen = Set<String>()
        for (index, reference) in list.enumerated() {
            let entry = node.sequence?[index].mapping
            func fail(_ field: String, _ message: String) -> ContentError {
                ContentError(
                    file: "observatory/reference.yaml", line: entry?[Node(field)]?.mark?.line,
                    field: "[\(index)].\(field)", message: message)
            }
            guard indicators.contains(reference.indicator) else {
                let known = indicators.sorted().joined(separator: ", ")
                throw fail("indicator", "indicateur inconnu « \(reference.indicator) » (connus : \(known))")
            }
            guard seen.insert(reference.indicator).inserted else {
                throw fail("indicator", "indicateur « \(reference.indicator) » en double")
            }
            guard (0...100).contains(reference.share) else {
                throw fail("share", "un pourcentage va de 0 à 100, pas \(reference.share)")
            }
        }
        return list
    }
}
