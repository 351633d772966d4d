import Foundation
import Yams

/// The catalogue of tools and the needs taxonomy, loaded from `Content/catalogue` and checked.
public struct Catalogue: Sendable {
    public let needs: [Need]
    public let tools: [Tool]
    /// The tools in alphabetical order (accents ignored), computed once.
    public let toolsByName: [Tool]
    private let bySlug: [String: Tool]
    private let byNeed: [String: [Tool]]

    public init(needs: [Need], tools: [Tool]) {
        self.needs = needs
        self.tools = tools
        self.toolsByName = tools.sorted {
            (SearchText.normalise($0.name), $0.slug) < (SearchText.normalise($1.name), $1.slug)
        }
        self.bySlug = Dictionary(uniqueKeysWithValues: tools.map { ($0.slug, $0) })
        var byNeed: [String: [Tool]] = [:]
        for tool in tools { for need in tool.needs { byNeed[need, default: []].append(tool) } }
        self.byNeed = byNeed.mapValues {
            $0.sorted { (SearchText.normalise($0.name), $0.slug) < (SearchText.normalise($1.name), $1.slug) }
        }
    }

    public func tool(_ slug: String) -> Tool? { bySlug[slug] }
    public func need(_ id: String) -> Need? { needs.first { $0.id == id } }
    public func tools(for need: String) -> [Tool] { byNeed[need] ?? [] }

    /// Loads `needs.yaml` and every `tools/*.yaml`; a problem names the file, the line and the field.
    public static func load(from contentDirectory: URL) throws -> Catalogue {
        let folder = contentDirectory.appendingPathComponent("catalogue")
        let (needs, needsNode) = try ContentFile.decodeWithNode(
            [Need].self, from: folder.appendingPathComponent("needs.yaml"))
        var needIDs = Set<String>()
        for (index, need) in needs.enumerated() where !needIDs.insert(need.id).inserted {
            throw QuestionnaireLoader.problem(
                "needs.yaml", needsNode, [.at(index), "id"], "besoin « \(need.id) » en double")
        }
        for (index, need) in needs.enumerated() {
            if let bought = need.bought, bought.from != .zero && bought.from != .tight {
                throw QuestionnaireLoader.problem(
                    "needs.yaml", needsNode, [.at(index), "bought", "from"], "zero ou tight attendu")
            }
        }
        let licences = try ContentFile.decode([Licence].self, from: folder.appendingPathComponent("licences.yaml"))
        let free = Set(licences.filter { $0.fsf || $0.osi }.map(\.id))
        let toolFolder = folder.appendingPathComponent("tools")
        let files = try FileManager.default.contentsOfDirectory(atPath: toolFolder.path).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        var tools: [(Tool, String, Node, Int)] = []
        var slugs: [String: String] = [:]
        for file in files {
            let (list, node) = try ContentFile.decodeWithNode(
                [Tool].self, from: toolFolder.appendingPathComponent(file))
            for (index, tool) in list.enumerated() {
                func fail(_ field: PathKey, _ message: String) -> ContentError {
                    QuestionnaireLoader.problem(file, node, [.at(index), field], message)
                }
                if let other = slugs[tool.slug] {
                    throw fail("slug", "outil « \(tool.slug) » déjà défini dans \(other)")
                }
                slugs[tool.slug] = file
                guard tool.slug.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                    throw fail("slug", "minuscules, chiffres et tirets seulement")
                }
                guard !tool.needs.isEmpty else { throw fail("needs", "au moins un besoin") }
                for need in tool.needs where !needIDs.contains(need) {
                    throw fail("needs", "besoin inconnu « \(need) »")
                }
                guard (1...3).contains(tool.difficulty) else { throw fail("difficulty", "entre 1 et 3") }
                guard Self.isSPDXExpression(tool.license) else {
                    throw fail(
                        "license", "identifiant ou expression SPDX attendu (exemple : GPL-2.0-only OR GPL-3.0-only)")
                }
                if Self.isFree(tool.license, freeLicences: free) != tool.freeSoftware {
                    throw fail(
                        "free_software",
                        tool.freeSoftware
                            ? "« \(tool.license) » n'est ni reconnue libre par la FSF ni approuvée par l'OSI (licences.yaml) : free_software doit valoir false"
                            : "« \(tool.license) » est libre d'après licences.yaml (FSF ou OSI) : free_software doit valoir true"
                    )
                }
                if tool.yunohost != nil && !tool.selfHostable {
                    throw fail("yunohost", "une application YunoHost suppose self_hostable: true")
                }
                if tool.description.count > 400 { throw fail("description", "400 caractères au plus") }
                if tool.freeTierUsers != nil && tool.freeTierUnit == nil {
                    throw fail(
                        "free_tier_unit",
                        "dites ce que compte l'offre gratuite : accounts, simultaneous-editors, responses-per-month ou mails-per-day"
                    )
                }
                for need in tool.clientFor where !tool.needs.contains(need) {
                    throw fail("client_for", "« \(need) » n'est pas dans les besoins (needs) de l'outil")
                }
                tools.append((tool, file, node, index))
            }
        }
        for (tool, file, node, index) in tools {
            for slug in tool.equivalents where slugs[slug] == nil {
                throw QuestionnaireLoader.problem(
                    file, node, [.at(index), "equivalents"], "outil équivalent inconnu « \(slug) »")
            }
            if let main = tool.companionOf, slugs[main] == nil || main == tool.slug {
                throw QuestionnaireLoader.problem(
                    file, node, [.at(index), "companion_of"], "outil principal inconnu « \(main) »")
            }
        }
        return Catalogue(needs: needs, tools: tools.map(\.0))
    }

    /// Checks the ids other content refers to: `uses:` tags of the questionnaire and the sheets' tools and needs.
    public func checkReferences(questionnaire: Questionnaire, sheets: [AwarenessSheet]) throws {
        let tags = Set(
            questionnaire.context.flatMap { $0.options.flatMap(\.tags) }
                + questionnaire.themes.flatMap { $0.questions.flatMap { $0.options.flatMap(\.tags) } })
        for tag in tags.sorted() {
            if tag.hasPrefix("uses:"), tool(String(tag.dropFirst(5))) == nil {
                throw ContentError(
                    file: "questionnaire", line: nil, field: tag,
                    message: "l'étiquette désigne un outil absent du catalogue")
            }
            if tag.hasPrefix("need:"), need(String(tag.dropFirst(5))) == nil {
                throw ContentError(
                    file: "questionnaire", line: nil, field: tag,
                    message: "l'étiquette désigne un besoin absent du catalogue")
            }
        }
        for need in needs {
            for risk in need.risks.keys.sorted() where !tags.contains(risk) {
                throw ContentError(
                    file: "needs.yaml", line: nil, field: "\(need.id).risks",
                    message: "aucune réponse du questionnaire ne porte « \(risk) »")
            }
        }
        for step in questionnaire.steps {
            if let id = step.need, need(id) == nil {
                throw ContentError(
                    file: "steps.yaml", line: nil, field: "need", message: "besoin inconnu « \(id) » (étape \(step.id))"
                )
            }
        }
        for sheet in sheets {
            for slug in sheet.tools where tool(slug) == nil {
                throw ContentError(
                    file: "\(sheet.slug).md", line: nil, field: "tools", message: "outil inconnu « \(slug) »")
            }
            for tag in sheet.when + sheet.unless
            where !tags.contains(tag)
                && !(tag.hasPrefix("uses-for:") && need(String(tag.split(separator: ":")[1])) != nil)
            {
                throw ContentError(
                    file: "\(sheet.slug).md", line: nil, field: "when/unless",
                    message: "aucune réponse ne porte « \(tag) »")
            }
            for id in sheet.needs where need(id) == nil {
                throw ContentError(
                    file: "\(sheet.slug).md", line: nil, field: "needs", message: "besoin inconnu « \(id) »")
            }
        }
    }

    /// A licence expression is free when one of its OR alternatives has only free members (AND), a
    /// `WITH` exception keeping its licence's status. Brackets are read flat: the catalogue's
    /// expressions do not nest.
    public static func isFree(_ expression: String, freeLicences: Set<String>) -> Bool {
        let flat = expression.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
        return flat.components(separatedBy: " OR ").contains { alternative in
            alternative.components(separatedBy: " AND ").allSatisfy { part in
                let licence = part.components(separatedBy: " WITH ")[0].trimmingCharacters(in: .whitespaces)
                return freeLicences.contains(licence)
            }
        }
    }

    /// An SPDX licence identifier, or identifiers joined by OR, AND or WITH, with optional brackets
    /// ("MIT", "GPL-2.0-only OR GPL-3.0-only", "(MIT AND BSD-3-Clause)").
    public static func isSPDXExpression(_ text: String) -> Bool {
        let words = text.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(separator: " ").map(String.init)
        var depth = 0
        var expectIdentifier = true
        for word in words {
            switch word {
            case "(":
                guard expectIdentifier else { return false }
                depth += 1
            case ")":
                guard !expectIdentifier, depth > 0 else { return false }
                depth -= 1
            case "OR", "AND", "WITH":
                guard !expectIdentifier else { return false }
                expectIdentifier = true
            default:
                guard expectIdentifier,
                    word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".+-".contains($0)) })
                else { return false }
                expectIdentifier = false
            }
        }
        return !words.isEmpty && !expectIdentifier && depth == 0
    }
}

/// A licence of `licences.yaml`: free by the catalogue's rule when the FSF recognises it as free or the OSI approves it.
struct Licence: Decodable {
    let id: String
    let fsf: Bool
    let osi: Bool
    /// Where the flags were read (the SPDX page, or the convention followed).
    let source: String

    enum CodingKeys: String, CodingKey { case id, fsf, osi, source }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        fsf = try c.decode(Bool.self, forKey: .fsf)
        osi = try c.decode(Bool.self, forKey: .osi)
        source = try c.decode(String.self, forKey: .source)
    }
}
