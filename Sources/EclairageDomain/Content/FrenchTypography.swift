/// French spacing rules for rendered text: a non-breaking space before « : », a narrow non-breaking
/// space before « ; ? ! », and non-breaking spaces inside guillemets, so that punctuation never starts
/// a line; non-breaking spaces in amounts and times too ("1 000 €", "42 %", "14 h 30", "72 h"), and
/// after "n°" and "art.", so that a number never leaves its unit. Applied to French content and
/// interface strings as they are loaded; writers type ordinary spaces. Only a space already there is
/// changed: "https://" and "risk:x" are left alone.
public enum FrenchTypography {
    public static let nonBreakingSpace: Character = "\u{00A0}"
    public static let narrowNonBreakingSpace: Character = "\u{202F}"

    static let triggers = [" :", " ;", " ?", " !", "« ", " »", " %", " €", " h", "n° ", "art. ", "Art. "]

    public static func apply(_ text: String) -> String {
        guard triggers.contains(where: { text.contains($0) }) || thousands(in: text) else { return text }
        var characters = Array(text)
        for index in characters.indices where characters[index] == " " {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            if let replacement = space(at: index, in: characters, previous: previous, next: next) {
                characters[index] = replacement
            }
        }
        return String(characters)
    }

    /// What the space at `index` becomes, or nil to leave it.
    static func space(at index: Int, in characters: [Character], previous: Character?, next: Character?)
        -> Character?
    {
        switch next {
        case ":", "»": return nonBreakingSpace
        case ";", "?", "!": return narrowNonBreakingSpace
        default: break
        }
        if previous == "«" { return nonBreakingSpace }
        guard let previous, let next else { return nil }
        let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
        // "42 %", "1 000 €", "14 h", "72 h pour" (an "h" that is not the start of a word).
        if previous.isNumber, next == "%" || next == "€" || (next == "h" && !(afterNext?.isLetter ?? false)) {
            return nonBreakingSpace
        }
        // "14 h 30": the minutes after "h".
        if previous == "h", next.isNumber, index >= 3, characters[index - 2].isWhitespace,
            characters[index - 3].isNumber
        {
            return nonBreakingSpace
        }
        // "1 000": three digits that end a number.
        let digitsAfter = characters[(index + 1)...].prefix { $0.isNumber }.count
        if previous.isNumber, digitsAfter == 3 { return nonBreakingSpace }
        // "n° 12", "art. 30".
        if index >= 2, String(characters[(index - 2)..<index]) == "n°" { return nonBreakingSpace }
        if index >= 4, ["art.", "Art."].contains(String(characters[(index - 4)..<index])) { return nonBreakingSpace }
        return nil
    }

    /// Whether a space sits inside a number ("1 000").
    static func thousands(in text: String) -> Bool {
        text.contains(/\d \d{3}(?!\d)/)
    }
}
