import EclairageDomain

/// The organising place, chosen by name: the form offers the places' names ("Espace numérique des
/// Halles — Tours") in a list the browser completes from (a `datalist`, which needs no script), and a
/// plain `<select>` when the choice is short (a place's managers, or several places matching what was
/// typed). Nobody types an internal id.
struct OrganiserChoice: Sendable {
    /// The places the person may organise at (all published places for an editor).
    let allowed: [DirectoryIndex.Entry]
    /// A place's manager chooses among their own places (a `<select>`); an editor, among the
    /// directory, types a name.
    let isShortList: Bool

    init(index: DirectoryIndex, allowedIDs: [String]?) {
        allowed =
            if let allowedIDs { allowedIDs.compactMap(index.entry(id:)) } else { index.entries }
        isShortList = allowedIDs != nil
    }

    /// The places offered in a `<select>` (none: the name field).
    var listed: [DirectoryIndex.Entry] { isShortList ? allowed : [] }

    static func label(_ entry: DirectoryIndex.Entry) -> String {
        "\(entry.place.name) — \(entry.place.commune)"
    }

    enum Outcome: Sendable {
        case found(DirectoryIndex.Entry)
        /// Several places match: the form offers them in a `<select>`.
        case several([DirectoryIndex.Entry])
        case none
    }

    /// The place an id (from a `<select>` or the place's page) or a typed name gives.
    func resolve(id: String, name: String) -> Outcome {
        if !id.isEmpty, let entry = allowed.first(where: { $0.id == id }) { return .found(entry) }
        let typed = SearchText.normalise(name)
        guard !typed.isEmpty else { return .none }
        if let exact = allowed.first(where: { SearchText.normalise(Self.label($0)) == typed }) { return .found(exact) }
        let named = allowed.filter { SearchText.normalise($0.place.name) == typed }
        if named.count == 1 { return .found(named[0]) }
        let words = typed.split(separator: " ")
        let matching =
            named.isEmpty
            ? allowed.filter { entry in
                let text = SearchText.normalise(Self.label(entry))
                return words.allSatisfy { text.contains($0) }
            } : named
        switch matching.count {
        case 0: return .none
        case 1: return .found(matching[0])
        default: return .several(Array(matching.prefix(30)))
        }
    }

    /// The names the browser completes from: every allowed place, up to 500 (beyond, the typed
    /// words find the place and a list of those matching is offered).
    var suggestions: [String] { allowed.prefix(500).map(Self.label) }
}
