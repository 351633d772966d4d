/// French spacing rules for rendered text: a non-breaking space before « : », a narrow non-breaking
/// space before « ; ? ! », and non-breaking spaces inside guillemets, so that punctuation never starts
/// a line. Applied to French content and interface strings as they are loaded; writers type ordinary
/// spaces. Only a space already there is changed: "https://" and "risk:x" are left alone.
public enum FrenchTypography {
    public static let nonBreakingSpace: Character = "\u{00A0}"
    public static let narrowNonBreakingSpace: Character = "\u{202F}"

    public static func apply(_ text: String) -> String {
        guard
            text.contains(" :") || text.contains(" ;") || text.contains(" ?") || text.contains(" !")
                || text.contains("« ") || text.contains(" »")
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var characters = Array(text)
        for index in characters.indices where characters[index] == " " {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            switch next {
            case ":", "»": characters[index] = nonBreakingSpace
            case ";", "?", "!": characters[index] = narrowNonBreakingSpace
            default: if previous == "«" { characters[index] = nonBreakingSpace }
            }
        }
        result.append(contentsOf: characters)
        return result
    }
}
