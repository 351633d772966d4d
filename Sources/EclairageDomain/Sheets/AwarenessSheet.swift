import Foundation
import Ink
import Yams

/// An awareness sheet ("fiche repère"): Markdown with a YAML front matter, rendered to HTML once at start.
public struct AwarenessSheet: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let summary: String
    public let themes: [String]
    public let needs: [String]
    public let tools: [String]
    /// The report lists the sheet only when one of these tags is among the answers' (empty: always).
    public let when: [String]
    /// …and never when one of these is ("we never meet remotely" and the remote-meetings sheet).
    public let unless: [String]
    /// Parts of Éclairage the sheet points to: inventory, handover, register, breaches.
    public let inEclairage: [String]
    /// The day the sheet was last checked against its sources (YYYY-MM-DD), when its file says.
    public let reviewed: String?
    public let html: String

    /// Whether the sheet concerns an association whose answers carry `tags`.
    public func isRelevant(to tags: Set<String>) -> Bool {
        (when.isEmpty || when.contains(where: tags.contains)) && !unless.contains(where: tags.contains)
    }

    struct FrontMatter: Decodable {
        let slug: String
        let title: String
        let summary: String
        let themes: [String]
        let needs: [String]?
        let tools: [String]?
        let when: [String]?
        let unless: [String]?
        let in_eclairage: [String]?
        let reviewed: String?
    }

    /// Loads every `*.md` of `Content/sheets`, checking the slug matches the file and the themes exist.
    public static func loadAll(from contentDirectory: URL, themeIDs: Set<String>) throws -> [AwarenessSheet] {
        let folder = contentDirectory.appendingPathComponent("sheets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            .sorted()
        let parser = MarkdownParser()
        return try files.map { file in
            let text = FrenchTypography.apply(
                try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            let parts = text.components(separatedBy: "\n---\n")
            guard text.hasPrefix("---\n"), parts.count >= 2 else {
                throw ContentError(
                    file: file, line: 1, field: "-",
                    message: "la fiche doit commencer par un en-tête YAML entre deux lignes ---")
            }
            let header = String(parts[0].dropFirst(4))
            let body = parts.dropFirst().joined(separator: "\n---\n")
            // A blank line for the opening `---`, so lines are counted as in the file.
            let front = try ContentFile.decode(FrontMatter.self, yaml: "\n" + header, fileName: file)
            guard front.slug + ".md" == file else {
                throw ContentError(
                    file: file, line: 2, field: "slug", message: "le slug « \(front.slug) » doit être le nom du fichier"
                )
            }
            for feature in front.in_eclairage ?? []
            where !["inventory", "handover", "register", "breaches"].contains(feature) {
                throw ContentError(
                    file: file, line: nil, field: "in_eclairage",
                    message: "« \(feature) » : inventory, handover, register ou breaches attendu")
            }
            if let reviewed = front.reviewed, Day(iso: reviewed) == nil {
                throw ContentError(
                    file: file, line: nil, field: "reviewed",
                    message: "« \(reviewed) » n'est pas une date existante (AAAA-MM-JJ)")
            }
            for theme in front.themes where !themeIDs.contains(theme) {
                throw ContentError(file: file, line: nil, field: "themes", message: "thème inconnu « \(theme) »")
            }
            if body.contains("<script") || body.contains("<iframe") {
                throw ContentError(
                    file: file, line: nil, field: "corps", message: "pas de HTML dans les fiches, seulement du Markdown"
                )
            }
            return AwarenessSheet(
                slug: front.slug, title: front.title, summary: front.summary, themes: front.themes,
                needs: front.needs ?? [], tools: front.tools ?? [], when: front.when ?? [], unless: front.unless ?? [],
                inEclairage: front.in_eclairage ?? [], reviewed: front.reviewed, html: parser.html(from: body)
            )
        }
    }
}
