import Foundation

/// The directory's map, drawn on the server as SVG: no tiles, no script, works offline. Points close
/// together on the drawing are gathered in one circle sized by their number, so a map of 5,000 places
/// stays a page of a few hundred elements; the list beside it is the accessible reading.
public enum DirectoryMap {
    public struct Point: Sendable {
        public let point: GeoPoint
        public let label: String
        /// The place's page: a disc of one place is a link to it.
        public let link: String?
        public init(point: GeoPoint, label: String, link: String? = nil) {
            self.point = point
            self.label = label
            self.link = link
        }
    }

    static let width = 640.0
    static let maxCircles = 60

    /// `gathered` gives the link of a disc of several places (the list near its centre, with the
    /// radius that holds them); each disc of one place links to that place. Every disc is a link,
    /// reached with the keyboard, named by its places; a disc of several shows their number.
    public static func svg(
        _ points: [Point], title: String, backdrop: MapBackdrop = .empty,
        gathered: (GeoPoint, Double) -> String? = { _, _ in nil }
    ) -> String {
        // The frame: the points' extent, or metropolitan France when there are none, with a margin.
        var south = points.map(\.point.latitude).min() ?? 42.3
        var north = points.map(\.point.latitude).max() ?? 51.1
        var west = points.map(\.point.longitude).min() ?? -4.8
        var east = points.map(\.point.longitude).max() ?? 8.2
        let pad = max(0.05, max(north - south, east - west) * 0.08)
        south -= pad
        north += pad
        west -= pad
        east += pad
        let scaleX = cos((south + north) / 2 * .pi / 180)
        let spanX = max(0.01, (east - west) * scaleX)
        let spanY = max(0.01, north - south)
        let height = max(240, min(720, width * spanY / spanX))
        let unit = min(width / spanX, height / spanY)
        func project(_ p: GeoPoint) -> (Double, Double) {
            ((p.longitude - west) * scaleX * unit, (north - p.latitude) * unit)
        }
        var cell = 14.0
        var groups: [Cell: [Point]] = [:]
        repeat {
            groups = Dictionary(grouping: points) { point in
                let (x, y) = project(point.point)
                return Cell(x: Int(x / cell), y: Int(y / cell))
            }
            cell *= 1.5
        } while groups.count > maxCircles
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(f(width)) \#(f(height))" role="group" aria-labelledby="carte-titre" class="map">"#
        ]
        parts.append(
            #"<title id="carte-titre">\#(escape(title))</title><rect width="100%" height="100%" class="map-bg"/>"#)
        parts += outlines(backdrop, south: south, north: north, west: west, east: east, project: project)
        for (_, members) in groups.sorted(by: {
            ($1.value.count, $0.key.y, $0.key.x) < ($0.value.count, $1.key.y, $1.key.x)
        }) {
            let x = members.map { project($0.point).0 }.reduce(0, +) / Double(members.count)
            let y = members.map { project($0.point).1 }.reduce(0, +) / Double(members.count)
            let radius = members.count == 1 ? 6 : 9 + 3 * sqrt(Double(members.count - 1))
            let names = members.prefix(3).map(\.label).joined(separator: ", ") + (members.count > 3 ? "…" : "")
            let label = members.count == 1 ? names : "\(members.count) lieux : \(names)"
            let centre = GeoPoint(
                latitude: members.map(\.point.latitude).reduce(0, +) / Double(members.count),
                longitude: members.map(\.point.longitude).reduce(0, +) / Double(members.count))
            let reach = members.map { $0.point.distance(to: centre) }.max() ?? 0
            let link = members.count == 1 ? members[0].link : gathered(centre, reach)
            let disc =
                #"<circle cx="\#(f(x))" cy="\#(f(y))" r="\#(f(radius))"/>"#
                + (members.count > 1
                    ? #"<text x="\#(f(x))" y="\#(f(y + 4))" class="map-count">\#(members.count)</text>"# : "")
            if let link {
                parts.append(
                    #"<a href="\#(escape(link))" aria-label="\#(escape(label))"><title>\#(escape(label))</title>\#(disc)</a>"#
                )
            } else {
                parts.append(#"<g><title>\#(escape(label))</title>\#(disc)</g>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// The départements' outlines in the frame, as one path (points closer than 3 pixels dropped:
    /// the page stays small at the scale of France), and their chefs-lieux' names where they do not
    /// crowd one another.
    static func outlines(
        _ backdrop: MapBackdrop, south: Double, north: Double, west: Double, east: Double,
        project: (GeoPoint) -> (Double, Double)
    ) -> [String] {
        let shown = backdrop.departements.filter { $0.meets(south: south, north: north, west: west, east: east) }
        guard !shown.isEmpty else { return [] }
        var path = ""
        for ring in shown.flatMap(\.rings) {
            var last: (Int, Int)?
            for point in ring {
                let (x, y) = project(point)
                let here = (Int(x.rounded()), Int(y.rounded()))
                if let previous = last {
                    guard abs(here.0 - previous.0) + abs(here.1 - previous.1) >= 3 else { continue }
                    path += "l\(here.0 - previous.0) \(here.1 - previous.1)"
                } else {
                    path += "M\(here.0) \(here.1)"
                }
                last = here
            }
            path += "z"
        }
        var parts = [#"<path class="map-dep" d="\#(path)"/>"#]
        var placed: [(Double, Double)] = []
        for departement in shown {
            let (x, y) = project(departement.townPoint)
            guard x > 20, x < width - 20, y > 12, !departement.town.isEmpty,
                !placed.contains(where: { abs($0.0 - x) < 70 && abs($0.1 - y) < 16 })
            else { continue }
            placed.append((x, y))
            parts.append(#"<text x="\#(f(x))" y="\#(f(y))" class="map-town">\#(escape(departement.town))</text>"#)
        }
        return parts
    }

    struct Cell: Hashable {
        let x: Int
        let y: Int
    }

    static func f(_ value: Double) -> String { String(Int(value.rounded())) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
