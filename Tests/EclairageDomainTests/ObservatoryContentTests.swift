import Foundation
import Testing

@testable import EclairageDomain

/// The observatory's content files: a département naming an unknown région, a national reference
/// with an unknown indicator or an impossible share, each refused on its file, line and field.
@Suite struct ObservatoryContentTests {
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("observatory-\(UUID().uuidString)")
        for (name, text) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aDepartementInAnUnknownRegionIsRefusedOnItsLine() throws {
        let folder = try folder([
            "regions.yaml": "- code: \"84\"\n  name: \"Auvergne-Rhône-Alpes\"\n",
            "departements.yaml": """
            - code: "01"
              name: "Ain"
              region: "84"
            - code: "13"
              name: "Bouches-du-Rhône"
              region: "93"
            """,
        ])
        let regions = try Region.load(from: folder)
        #expect(throws: ContentError.self) { try Departement.load(from: folder, regions: regions) }
        do {
            _ = try Departement.load(from: folder, regions: regions)
        } catch let error as ContentError {
            #expect(error.file == "departements.yaml" && error.line == 6 && error.field == "[1].region", "\(error)")
            #expect(error.message.contains("« 93 »"))
        }
    }

    @Test(arguments: [
        ("difficulty:time", "indicator", "indicateur inconnu"), ("difficulty:human", "share", "de 0 à 100"),
    ])
    func aReferenceIsCheckedOnItsLine(indicator: String, field: String, message: String) throws {
        let share = field == "share" ? 140 : 57
        let folder = try folder([
            "observatory/reference.yaml": """
            - indicator: "free-software:yes"
              share: 42
              source: "Une lettre départementale"
              year: 2021
            - indicator: "\(indicator)"
              share: \(share)
              source: "Une enquête nationale"
              year: 2019
            """
        ])
        do {
            _ = try ObservatoryReference.load(from: folder)
            Issue.record("accepted")
        } catch let error as ContentError {
            #expect(error.file == "observatory/reference.yaml" && error.field == "[1].\(field)", "\(error)")
            #expect(error.line == (field == "share" ? 6 : 5) && error.message.contains(message), "\(error)")
        }
    }
}
