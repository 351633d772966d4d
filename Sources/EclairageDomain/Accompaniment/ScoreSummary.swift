/// What the advisor's dashboard needs of a diagnostic's figures: its overall score and each theme's
/// score under the theme's id and title. It is written beside the stored `ScoreSnapshot`, in the same
/// statement, as two plain columns (the overall score, and the themes as lines of text), so that a
/// dashboard of 200 associations reads its figures without decoding JSON.
public struct ScoreSummary: Sendable, Equatable {
    public struct Theme: Sendable, Equatable {
        public let id: String
        public let title: String
        public let score: Int?

        public init(id: String, title: String, score: Int?) {
            self.id = id
            self.title = title
            self.score = score
        }
    }

    public let overall: Int?
    public let themes: [Theme]

    public init(overall: Int?, themes: [Theme]) {
        self.overall = overall
        self.themes = themes
    }

    public init(_ snapshot: ScoreSnapshot) {
        self.init(
            overall: snapshot.overall,
            themes: snapshot.themes.map { Theme(id: $0.themeID, title: $0.title, score: $0.score) })
    }

    /// One line per theme: its id, its score (empty when unknown) and its title, separated by tabs.
    /// Ids are slugs; a tab or line break in a title would break the line, so it becomes a space.
    public var themeLines: String {
        themes.map { theme in
            let title = String(theme.title.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            return "\(theme.id)\t\(theme.score.map(String.init) ?? "")\t\(title)"
        }.joined(separator: "\n")
    }

    /// Reads back `themeLines`; a line that is not id, score and title is left out.
    public init(overall: Int?, themeLines: String) {
        self.init(
            overall: overall,
            themes: themeLines.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3 else { return nil }
                return Theme(id: String(parts[0]), title: String(parts[2]), score: Int(parts[1]))
            })
    }
}
