import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

@Suite("Awareness sheets")
struct SheetTests {
    @Test("Every sheet renders its Markdown and links the tools and needs it mentions")
    func sheets() async throws {
        try await withApp { app in
            let browser = app.browser()
            let list = try await browser.get("/fiches")
            #expect(list.status == .ok)
            for sheet in app.services.sheets {
                #expect(list.text.contains(#"href="/fiches/\#(sheet.slug)""#))
                let page = try await browser.get("/fiches/\(sheet.slug)")
                #expect(page.status == .ok, "\(sheet.slug)")
                #expect(page.text.contains("<h2>"), "\(sheet.slug) has no section")
                for tool in sheet.tools {
                    #expect(page.text.contains(#"href="/outils/\#(tool)""#), "\(sheet.slug) → \(tool)")
                }
                for need in sheet.needs {
                    #expect(page.text.contains(#"href="/besoins/\#(need)""#), "\(sheet.slug) → \(need)")
                }
            }
            let passwords = try await browser.get("/fiches/mots-de-passe")
            #expect(passwords.text.contains("Les outils cités"))
            #expect(try await browser.get("/fiches/inconnue").status == .notFound)
        }
    }
}
