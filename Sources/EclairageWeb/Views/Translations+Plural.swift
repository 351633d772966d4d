import EclairageDomain

/// Plural forms in the translations: a counted string has two keys, `<key>.one` and `<key>.other`,
/// chosen by the language's rule (French: 0 and 1 take the singular, "0 place libre"; English: 1
/// alone). `%{n}` is filled with the count. Nobody reads "place(s) libre(s)".
extension Translations {
    static func isOne(_ count: Int, _ language: Language) -> Bool {
        language == .fr ? (0...1).contains(count) : count == 1
    }

    func plural(_ key: String, count: Int, _ language: Language, _ values: [String: String] = [:]) -> String {
        var values = values
        if values["n"] == nil { values["n"] = String(count) }
        return text(key + (Self.isOne(count, language) ? ".one" : ".other"), language, values)
    }
}

extension Views {
    func plural(_ key: String, count: Int, _ context: AppRequestContext, _ values: [String: String] = [:]) -> String {
        translations.plural(key, count: count, context.language, values)
    }
}
