import Foundation
import Testing

/// Page models live outside the controllers, in one scheme (issue 20): `enum XPage` with its
/// `struct Model` in `XPage+Model.swift`, its reads in `XPage+Query.swift`; a controller file declares
/// no type of its own and stays under 120 lines. Checked for the areas already moved to the scheme;
/// an area joins `areas` once it is.
@Suite("Page models out of the controllers")
struct PageModelLayoutTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/EclairageWeb")
    static let areas = [
        "Accompaniment", "Accounts", "Admin", "Associations", "Calendar", "Catalogue", "Diagnostics", "Directory",
        "Inventory", "Pages", "SupportBodies", "Survey",
    ]

    static func files(_ area: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(area)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted().map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("Controllers declare no model and stay under 120 lines", arguments: areas)
    func controllers(area: String) throws {
        let declaration = /^\s*(struct|class|actor|enum)\s/
        for (name, text) in try Self.files(area) where name.contains("Controller") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 120, "\(area)/\(name) has \(lines.count) lines")
            let types = lines.filter { $0.contains(declaration) }
            #expect(
                types.count <= (name.contains("+") ? 0 : 1),
                "\(area)/\(name) declares a type besides its controller: \(types)")
        }
    }

    @Test("Page models are XPage.Model in XPage+Model.swift, reads XPage.Query in XPage+Query.swift", arguments: areas)
    func pageFiles(area: String) throws {
        for (name, text) in try Self.files(area) {
            let holdsPage =
                text.contains(/\n    struct Model: Sendable/) || text.contains(/\n\s*struct Query: Sendable/)
            if holdsPage || name.contains("+Model") || name.contains("+Query") {
                let page = name.split(separator: "+").first.map(String.init) ?? ""
                #expect(page.hasSuffix("Page"), "\(area)/\(name): a page's file is named XPage+Model or XPage+Query")
                #expect(
                    text.contains("enum \(page) {") || text.contains("extension \(page)"),
                    "\(area)/\(name) does not hold the namespace \(page)")
                #expect(name.hasSuffix("+Model.swift") || name.hasSuffix("+Query.swift"), "\(area)/\(name)")
            }
        }
    }
}
