import EclairageDomain
import Testing

@testable import EclairageWeb

@Suite("Translations: plurals in words")
struct TranslationsPluralTests {
    @Test(
        "No interface string counts with parentheses ('place(s)'); counted strings choose their form by the language's rule"
    )
    func plurals() async throws {
        try await withApp { app in
            let translations = app.services.views.translations
            for language in [Language.fr, .en] {
                let parenthesised = translations.table(language).filter {
                    $0.value.contains("(s)") || $0.value.contains("(e)s")
                }
                #expect(parenthesised.isEmpty, "\(language): \(parenthesised.keys.sorted())")
            }
            #expect(translations.plural("duration.minutes", count: 1, .fr) == "1 minute")
            #expect(translations.plural("duration.minutes", count: 0, .fr) == "0 minute")
            #expect(translations.plural("duration.minutes", count: 0, .en) == "0 minutes")
            #expect(
                translations.plural("plan.progress", count: 2, .fr, ["done": "2", "total": "3"])
                    == "2 étapes faites sur 3")
        }
    }
}
