import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// Error pages speak the visitor's language and keep the signed-in header; Enter goes forward in the
/// questionnaire.
@Suite("Error pages and the questionnaire's default button")
struct ErrorPageTests {
    static var english: HTTPFields {
        var headers = HTTPFields()
        headers[.acceptLanguage] = "en-GB,en;q=0.9"
        return headers
    }

    @Test(
        "A signed-in English visitor's 404, 403 and CSRF pages are in English, with the header and a working sign-out form"
    )
    func languageAndHeader() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            _ = try await alice.get("/langue/en")
            let missing = try await alice.get("/no-such-page", headers: Self.english)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains(#"<html lang="en">"#))
            #expect(missing.text.contains("<h1>Page not found</h1>"))
            #expect(missing.text.contains(#"action="/deconnexion""#))
            let token = try #require(missing.csrfToken)
            #expect(token.count == 32)
            let forbidden = try await alice.get("/admin")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains(#"<html lang="en">"#) && forbidden.text.contains(#"action="/deconnexion""#))
            let forged = try await alice.submit("/associations/nouvelle", ["name": "Chorale"], csrf: "x")
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains(#"<html lang="en">"#) && forged.text.contains(#"action="/deconnexion""#))
            // the sign-out button of an error page works
            #expect(try await alice.submit("/deconnexion", [:], csrf: token).status == .seeOther)
            #expect(try await alice.get("/compte").status == .forbidden)
        }
    }

    @Test("A visitor whose browser asks for English gets the English 404")
    func anonymousEnglish() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/no-such-page", headers: Self.english)
            #expect(page.text.contains(#"<html lang="en">"#))
            #expect(page.text.contains("<h1>Page not found</h1>"))
        }
    }

    @Test("On a questionnaire page the first submit button, the one Enter presses, goes forward")
    func enterGoesForward() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let page = try await visitor.get("/diagnostics/\(id)/etape/3")
            let form = try #require(page.text.range(of: #"<form method="post" action="/diagnostics/\#(id)/etape/3""#))
            let firstButton = try #require(page.text[form.upperBound...].range(of: "<button type=\"submit\""))
            #expect(
                page.text[firstButton.lowerBound...].hasPrefix(#"<button type="submit" name="direction" value="next">"#)
            )
            #expect(page.text.contains(#"name="direction" value="back""#))
        }
    }
}
