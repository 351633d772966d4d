import Foundation
import Testing

@testable import EclairageDomain

/// The documents' words: the shipped file loads; a value a document does not fill in is refused with
/// the file, line and field; the association's words stay text in Markdown; nothing typed is filled twice.
@Suite("Documents: words and Markdown")
struct DocumentWordingTests {
    @Test("The shipped words load; an unknown %{value} names file, line and field")
    func loader() throws {
        _ = try DocumentWording.load(from: contentDirectory)
        let text = try String(
            contentsOf: contentDirectory.appendingPathComponent("documents/documents.yaml"), encoding: .utf8)
        let broken = text.replacingOccurrences(
            of: "par %{association}, association", with: "par %{president}, association")
        #expect(broken != text)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("documents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("documents/documents.yaml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = (lines.firstIndex { $0.contains("par %{association}, association") } ?? 0) + 1
        #expect(throws: ContentError.self) { try DocumentWording.load(from: folder) }
        do {
            _ = try DocumentWording.load(from: folder)
        } catch let error as ContentError {
            #expect(error.file == "documents.yaml")
            #expect(error.line == line)
            #expect(error.field.contains("publisher"))
            #expect(error.message.contains("%{president}"))
        }
    }

    @Test("Markdown escapes the association's punctuation; a typed %{…} is not filled in")
    func markdown() throws {
        let wording = try DocumentWording.load(from: contentDirectory)
        let drafts = DocumentDrafts(
            wording: wording, profile: AssociationProfile(name: "Les *amis* [du] %{contact} #1"), assets: [])
        let notice = drafts.privacyNotice([]) { $0.rawValue }
        let text = notice.markdown()
        #expect(text.contains(##"Les \*amis\* \[du\] %\{contact\} \#1, responsable"##))
        #expect(text.contains("\n## Vos droits\n"))
    }
}
