import Foundation
import Testing

@Suite("The browser check's page list")
struct PageListTests {
    @Test("Every page template is listed in Routes/pages.tsv, and every listed template exists")
    func everyTemplateListed() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/EclairageWeb")
        let templates = Set(
            try FileManager.default.contentsOfDirectory(atPath: web.appendingPathComponent("Resources/Templates").path)
                .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        )
        .subtracting([
            "layout", "errors-summary", "catalogue-results", "directory-results", "directory-map-results",
            "place-details",
        ])  // partials and fragments
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
