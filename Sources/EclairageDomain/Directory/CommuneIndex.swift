import Foundation

/// French communes with their postcodes and a position (`Content/directory/communes.tsv`, open data,
/// see `communes.SOURCE.md`): "près de 37000" or "près de Tours" works offline.
public struct CommuneIndex: Sendable {
    public struct Commune: Sendable, Equatable {
        public let insee: String
        public let name: String
        public let departement: String
        public let postcodes: [String]
        public let latitude: Double
        public let longitude: Double
    }

    public let communes: [Commune]
    let byPostcode: [String: [Int]]
    let byName: [String: [Int]]

    public init(communes: [Commune]) {
        self.communes = communes
        var byPostcode: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for (index, commune) in communes.enumerated() {
            for code in commune.postcodes { byPostcode[code, default: []].append(index) }
            byName[SearchText.normalise(commune.name), default: []].append(index)
        }
        self.byPostcode = byPostcode
        self.byName = byName
    }

    public static let fileName = "communes.tsv"

    /// Reads the TSV; a malformed line is an error naming it.
    public static func load(from contentDirectory: URL) throws -> CommuneIndex {
        let file = contentDirectory.appendingPathComponent("directory").appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "fichier illisible ou absent")
        }
        var communes: [Commune] = []
        communes.reserveCapacity(36_000)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where number > 0 && !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 6, let latitude = Double(cells[4]), let longitude = Double(cells[5]) else {
                throw ContentError(
                    file: fileName, line: number + 1, field: cells.count == 6 ? "latitude" : "-",
                    message: "ligne mal formée (6 colonnes attendues)")
            }
            communes.append(
                Commune(
                    insee: String(cells[0]), name: String(cells[1]), departement: String(cells[2]),
                    postcodes: cells[3].split(separator: ",").map(String.init), latitude: latitude, longitude: longitude
                ))
        }
        return CommuneIndex(communes: communes)
    }

    public func communes(postcode: String) -> [Commune] { (byPostcode[postcode] ?? []).map { communes[$0] } }

    public func communes(named name: String) -> [Commune] {
        (byName[SearchText.normalise(name)] ?? []).map { communes[$0] }
    }

    /// Whether the commune named so (as typed) has this postcode.
    public func postcode(_ postcode: String, belongsTo name: String) -> Bool {
        let key = SearchText.normalise(name)
        return communes(postcode: postcode).contains { SearchText.normalise($0.name) == key }
    }
}
