/// A horizontal bar chart drawn as SVG on the server, for the observatory's figures: one bar per
/// row, its value written at its end, a hidden figure drawn as an empty frame with its reason in
/// words, and for a mean a line showing its spread. Screen readers get its title and description;
/// the page always gives the same figures as a table.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public let label: String
        /// Nil when the figure is hidden.
        public let value: Double?
        /// What is written at the end of the bar ("42", "61 ± 12", "masqué").
        public let text: String
        /// For a mean: its standard deviation, drawn as a line on each side of the bar's end.
        public let spread: Double?

        public init(label: String, value: Double?, text: String, spread: Double? = nil) {
            self.label = label
            self.value = value
            self.text = text
            self.spread = spread
        }
    }

    public let title: String
    public let description: String
    public let bars: [Bar]
    /// The value of a full bar (100 for scores, the largest count otherwise).
    public let scale: Double

    public init(title: String, description: String, bars: [Bar], scale: Double? = nil) {
        self.title = title
        self.description = description
        self.bars = bars
        self.scale = max(1, scale ?? bars.compactMap(\.value).max() ?? 1)
    }

    static let width = 640
    static let labelWidth = 210
    static let barWidth = 330
    static let row = 30

    /// `id` names the title and description elements (unique on the page).
    public func svg(id: String) -> String {
        let height = max(1, bars.count) * Self.row + 8
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.width) \#(height)" role="img" aria-labelledby="\#(id)-titre \#(id)-desc" class="bar-chart">"#,
            #"<title id="\#(id)-titre">\#(RadarChart.escape(title))</title><desc id="\#(id)-desc">\#(RadarChart.escape(description))</desc>"#,
        ]
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * Self.row
            let label = RadarChart.escape(UsageMap.short(bar.label, 30))
            parts.append(#"<text x="0" y="\#(y + 19)">\#(label)</text>"#)
            let x = Self.labelWidth
            guard let value = bar.value else {
                parts.append(
                    #"<rect x="\#(x)" y="\#(y + 4)" width="\#(Self.barWidth)" height="20" class="hidden"/><text x="\#(x + 8)" y="\#(y + 19)" class="note">\#(RadarChart.escape(bar.text))</text>"#
                )
                continue
            }
            let length = Int((value / scale * Double(Self.barWidth)).rounded())
            parts.append(#"<rect x="\#(x)" y="\#(y + 4)" width="\#(length)" height="20" class="bar"/>"#)
            if let spread = bar.spread {
                let from = x + Int((max(0, value - spread) / scale * Double(Self.barWidth)).rounded())
                let to = x + Int((min(scale, value + spread) / scale * Double(Self.barWidth)).rounded())
                parts.append(#"<line x1="\#(from)" y1="\#(y + 14)" x2="\#(to)" y2="\#(y + 14)" class="spread"/>"#)
            }
            parts.append(#"<text x="\#(x + length + 6)" y="\#(y + 19)">\#(RadarChart.escape(bar.text))</text>"#)
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
