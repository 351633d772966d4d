import Foundation
import Testing

@testable import EclairageDomain

@Suite("The map's backdrop: départements and chefs-lieux")
struct DirectoryMapBackdropTests {
    @Test(
        "The shipped outlines load: 96 départements, Tours for Indre-et-Loire; a map around Tours draws them and names it"
    )
    func shipped() throws {
        let backdrop = try MapBackdrop.load(from: contentDirectory)
        #expect(backdrop.departements.count == 96)
        let touraine = try #require(backdrop.departements.first { $0.code == "37" })
        #expect(touraine.town == "Tours" && !touraine.rings.isEmpty)
        let svg = DirectoryMap.svg(
            [.init(point: GeoPoint(latitude: 47.39, longitude: 0.69), label: "Médiathèque")], title: "Carte",
            backdrop: backdrop)
        #expect(svg.contains(#"<path class="map-dep" d="M"#))
        #expect(svg.contains(#"class="map-town">Tours</text>"#))
        #expect(!svg.contains(">Ajaccio<"), "only the départements in the frame")
        // France whole, without places: every outline, a small drawing
        let france = DirectoryMap.svg([], title: "Carte", backdrop: backdrop)
        #expect(france.contains(">Ajaccio<") && france.utf8.count < 30_000, "\(france.utf8.count) bytes")
    }

    @Test("A malformed line is refused with its file, line and field")
    func malformed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backdrop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("directory"), withIntermediateDirectories: true)
        try "code\tchef_lieu\tlatitude\tlongitude\tcontour\n37\tTours\t47.39\t0.69\t0.1 47,x 47\n".write(
            to: folder.appendingPathComponent("directory/departements-carte.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: ContentError.self) { try MapBackdrop.load(from: folder) }
        do {
            _ = try MapBackdrop.load(from: folder)
        } catch let error as ContentError {
            #expect(error.line == 2 && error.field == "contour")
        }
    }
}
