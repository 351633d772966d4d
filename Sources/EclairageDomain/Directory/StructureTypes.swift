import Foundation

/// The structure types of the schema's `typologie` column in words ("CS" is "Centre social"), from
/// data·inclusion's vocabulary (`Content/directory/typologies.tsv`, provenance beside it). A code the
/// vocabulary does not know is shown as written.
public struct StructureTypes: Sendable {
    public let labels: [String: String]

    public init(labels: [String: String]) { self.labels = labels }

    public func words(_ code: String) -> String {
        labels[code] ?? labels.first { $0.key.caseInsensitiveCompare(code) == .orderedSame }?.value ?? code
    }

    /// Reads `directory/typologies.tsv` (a header, then code and label separated by a tab).
    public static func load(from contentDirectory: URL) throws -> StructureTypes {
        let url = contentDirectory.appendingPathComponent("directory/typologies.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var labels: [String: String] = [:]
        for (number, line) in text.split(separator: "\n").enumerated().dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ContentError(
                    file: url.lastPathComponent, line: number + 1, field: "-", message: "code et libellé attendus")
            }
            labels[String(parts[0])] = String(parts[1])
        }
        return StructureTypes(labels: labels)
    }
}
