import Foundation
import Testing

@Suite("The browser check's page list")
struct PageListTests {
    @Test("Every page template is listed in Routes/pages.tsv, and every listed template exists")
    func everyTemplateListed() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/EclairageWeb")
        // A page is a template that fills the layout; the others are partials and fragments.
        let folder = web.appendingPathComponent("Resources/Templates")
        let templates = Set(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
                .filter {
                    try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).contains("{{<layout}}")
                }
                .map { String($0.dropLast(".mustache".count)) })
        let listed = Set(
            try String(contentsOf: web.appendingPathComponent("Routes/pages.tsv"), encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
                    $0.split(separator: "\t").first.map(String.init)
                })
        #expect(
            templates.subtracting(listed).isEmpty,
            "templates missing from pages.tsv: \(templates.subtracting(listed).sorted())")
        #expect(
            listed.subtracting(templates).isEmpty,
            "unknown templates in pages.tsv: \(listed.subtracting(templates).sorted())")
    }
}
