import EclairageDomain
import Foundation
import Testing
@testable import EclairageWeb

/// Models repeated many times on a page list their template fields by hand (`TemplateFields`), which
/// spares reflection at each render. This test keeps those lists true: every stored property of each
/// such model must be in its list, so a field added to the model reaches the templates.
@Suite("Template field lists")
struct TemplateFieldsTests {
    static func check(_ model: any TemplateFields, sourceLocation: SourceLocation = #_sourceLocation) {
        let properties = Set(Mirror(reflecting: model).children.compactMap(\.label))
        let listed = Set(model.templateFields.keys)
        #expect(properties == listed, "\(type(of: model)): not listed \(properties.subtracting(listed).sorted()), unknown \(listed.subtracting(properties).sorted())", sourceLocation: sourceLocation)
    }

    @Test("Every TemplateFields model lists all its stored properties")
    func complete() async throws {
        let views = try await Views.load()
        let catalogue = try EclairageDomain.Catalogue.load(from: URL(fileURLWithPath: contentPath))
        Self.check(Layout(
            lang: "fr", title: "t", csrf: "c", user: .init(displayName: "A", admin: true), flash: "f", links: .init(),
            otherLanguage: .init(href: "/langue/en", label: "English", code: "en"), stylesheet: "/s.css"
        ))
        Self.check(Layout.Links())
        Self.check(LinkView(title: "t", link: "/l"))
        Self.check(ToolView(try #require(catalogue.tools.first), strings: views.translations, language: .fr))
        Self.check(CatalogueController.ListContent.NeedLink(name: "n", link: "/l", count: 1))
        Self.check(CatalogueController.ListContent.FilterOption(name: "n", value: "v", label: "l", count: 1, checked: true, inputID: "i"))
    }
}
