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
        _ points: [Point], title: String, gathered: (GeoPoint, Double) -> String? = { _, _ in nil }
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
