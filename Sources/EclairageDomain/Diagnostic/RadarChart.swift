import Foundation

/// A radar chart of the theme scores as SVG, drawn on the server: no script, readable by screen
/// readers through its title and description (the page also gives the same figures as a table).
public struct RadarChart: Sendable {
    public struct Axis: Sendable {
        public let label: String
        public let value: Int?
        public init(label: String, value: Int?) {
            self.label = label
            self.value = value
        }
    }

    public let axes: [Axis]
    public let previous: [Int?]?
    public let title: String
    public let description: String

    public init(axes: [Axis], previous: [Int?]? = nil, title: String, description: String) {
        self.axes = axes
        self.previous = previous
        self.title = title
        self.description = description
    }

    /// Wider than tall, so that long theme names fit beside the chart.
    let width = 600.0
    let height = 440.0
    let radius = 150.0

    public func svg() -> String {
        let center = (x: width / 2, y: height / 2)
        var parts: [String] = []
        parts.append(
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-labelledby="radar-titre radar-desc" class="radar">"#
        )
        parts.append(
            #"<title id="radar-titre">\#(Self.escape(title))</title><desc id="radar-desc">\#(Self.escape(description))</desc>"#
        )
        for ring in [25.0, 50, 75, 100] {
            parts.append(
                #"<polygon class="ring" points="\#(polygon(Array(repeating: ring, count: axes.count), center: center))"/>"#
            )
        }
        for (index, axis) in axes.enumerated() {
            let end = point(index: index, value: 100, center: center)
            parts.append(
                #"<line class="axis" x1="\#(f(center.x))" y1="\#(f(center.y))" x2="\#(f(end.x))" y2="\#(f(end.y))"/>"#)
            let label = point(index: index, value: 114, center: center)
            let anchor = abs(label.x - center.x) < 10 ? "middle" : (label.x > center.x ? "start" : "end")
            parts.append(
                #"<text x="\#(f(label.x))" y="\#(f(label.y + 4))" text-anchor="\#(anchor)">\#(Self.escape(axis.label))</text>"#
            )
        }
        if let previous {
            parts.append(
                #"<polygon class="previous" points="\#(polygon(previous.map { Double($0 ?? 0) }, center: center))"/>"#)
        }
        parts.append(
            #"<polygon class="current" points="\#(polygon(axes.map { Double($0.value ?? 0) }, center: center))"/>"#)
        parts.append("</svg>")
        return parts.joined()
    }

    private func point(index: Int, value: Double, center: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(axes.count, 1))
        let distance = radius * value / 100
        return (center.x + distance * cos(angle), center.y + distance * sin(angle))
    }

    private func polygon(_ values: [Double], center: (x: Double, y: Double)) -> String {
        values.enumerated().map { index, value in
            let p = point(index: index, value: value, center: center)
            return "\(f(p.x)),\(f(p.y))"
        }.joined(separator: " ")
    }

    /// One decimal, without String(format:) (which goes through Foundation's formatter).
    private func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
