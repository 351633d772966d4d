/// The map drawn as SVG on the server: needs on the left, the tools in use on the right, a line from
/// each need to its tools, and under each tool its facts in words (no colour carries meaning alone).
/// Readable by screen readers through its title and description; the page gives the same as a table.
extension UsageMap {
    public struct Labels {
        public let title: String
        /// One line per need, for the description.
        public let description: String
        /// The facts line of a use ("libre · gratuit · UE · un seul titulaire").
        public let facts: (Use) -> String

        public init(title: String, description: String, facts: @escaping (Use) -> String) {
            self.title = title
            self.description = description
            self.facts = facts
        }
    }

    static let width = 640
    static let row = 44

    public func svg(_ labels: Labels) -> String {
        let rows = max(1, needs.map(\.uses.count).reduce(0, +))
        let height = rows * Self.row + 16
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.width) \#(height)" role="img" aria-labelledby="carte-titre carte-desc" class="usage-map">"#,
            #"<title id="carte-titre">\#(RadarChart.escape(labels.title))</title><desc id="carte-desc">\#(RadarChart.escape(labels.description))</desc>"#,
        ]
        var top = 8
        for need in needs {
            let span = need.uses.count * Self.row
            let needY = top + span / 2
            parts.append(
                #"<rect x="4" y="\#(needY - 16)" width="220" height="32" rx="6" class="need"/><text x="14" y="\#(needY + 5)">\#(RadarChart.escape(Self.short(need.name, 30)))</text>"#
            )
            for (index, use) in need.uses.enumerated() {
                let y = top + index * Self.row + Self.row / 2
                parts.append(#"<line x1="224" y1="\#(needY)" x2="300" y2="\#(y)"/>"#)
                parts.append(
                    #"<rect x="300" y="\#(y - 19)" width="336" height="38" rx="6" class="tool\#(use.freeSoftware == true ? " libre" : "")"/>"#
                )
                parts.append(
                    #"<text x="310" y="\#(y - 3)" class="name">\#(RadarChart.escape(Self.short(use.name, 40)))</text>"#)
                parts.append(
                    #"<text x="310" y="\#(y + 13)" class="facts">\#(RadarChart.escape(Self.short(labels.facts(use), 56)))</text>"#
                )
            }
            top += span
        }
        parts.append("</svg>")
        return parts.joined()
    }

    static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
