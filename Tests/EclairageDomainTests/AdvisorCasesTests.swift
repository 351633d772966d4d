import Foundation
import Testing

@testable import EclairageDomain

/// Advisor cases: an association's answers in (through the shipped questionnaire, so the tags are the
/// real ones), the advice that must and must not appear out. One case per rule of "advice an expert
/// advisor would sign"; associations of different sizes, budgets, skills, values and tools.
@Suite("Advisor cases: the advice a known association must and must not get")
struct AdvisorCasesTests {
    let questionnaire: Questionnaire
    let catalogue: Catalogue
    let sheets: [AwarenessSheet]

    init() throws {
        questionnaire = try QuestionnaireLoader.load(from: contentDirectory)
        catalogue = try Catalogue.load(from: contentDirectory)
        sheets = try AwarenessSheet.loadAll(from: contentDirectory, themeIDs: Set(questionnaire.themes.map(\.id)))
    }

    /// The profile of a small volunteer club; each case changes what it needs to.
    static let club: [String: [String]] = [
        "taille": ["10-a-49"], "salaries": ["aucun"], "budget": ["moins-de-1000"], "secteur": ["sport"],
        "appetence": ["tres-variable"], "temps": ["quelques-heures"], "aide-technique": ["personne"],
        "valeurs": ["peu"],
    ]

    struct Advice {
        let report: Report
        let all: [Recommendation]
        let tags: Set<String>

        func on(_ need: String) -> Recommendation? { all.first { $0.need.id == need } }
        var offered: [Tool] { all.flatMap { [$0.advice.tool] + $0.alternatives } }
    }

    func advise(_ answers: [String: [String]]) -> Advice {
        let report = Report.make(answers: Answers(answers), questionnaire: questionnaire)
        return Advice(report: report, all: Recommender(catalogue: catalogue).all(tags: report.tags), tags: report.tags)
    }

    func merged(_ base: [String: [String]], _ extra: [String: [String]]) -> [String: [String]] {
        base.merging(extra) { $1 }
    }

    @Test(
        "1. The member file in one person's spreadsheet: not 'keep it', but what to change, and another path with its cost"
    )
    func singleHolderSpreadsheet() throws {
        let advice = advise(
            merged(
                Self.club,
                [
                    "usages": ["members"], "outils-members": ["microsoft-excel"], "adh-liste": ["tableur-une-personne"],
                ]))
        let members = try #require(advice.on("members"))
        #expect(members.advice == .adjust(catalogue.tool("microsoft-excel")!))
        #expect(members.concerns.map(\.risk) == ["risk:members-one-computer"])
        #expect(members.concerns[0].practice.contains("deuxième personne"))
        #expect(!members.alternatives.isEmpty && members.switching != nil)
        // the same spreadsheet, shared: kept as it is
        let shared = advise(
            merged(
                Self.club,
                ["usages": ["members"], "outils-members": ["microsoft-excel"], "adh-liste": ["tableur-partage"]]))
        #expect(
            shared.on("members")?.advice == nil
                || shared.on("members")?.advice == .keep(catalogue.tool("microsoft-excel")!))
    }

    @Test("2. Zero budget, 40 members: no freemium whose free tier stops at two people, no paid tool")
    func freemiumBySize() throws {
        let advice = advise(merged(Self.club, ["mdp-conservation": ["une-tete"]]))
        let passwords = try #require(advice.on("passwords"))
        let offered = [passwords.advice.tool] + passwords.alternatives
        #expect(!offered.contains { $0.slug == "bitwarden" })
        #expect(advice.offered.allSatisfy { $0.cost.model != .paid })
        for tool in advice.offered where tool.cost.model == .freemium {
            #expect((tool.freeTierUsers ?? 0) >= 49, "\(tool.slug)")
        }
    }

    @Test("3. Zero budget: no registrar offered as usable without money")
    func domainCostsMoney() {
        let advice = advise(merged(Self.club, ["mel-adresse": ["generique-gratuite"]]))
        #expect(advice.tags.contains("need:domain-name"))
        #expect(advice.on("domain-name") == nil || advice.on("domain-name")!.advice.tool.cost.model != .paid)
        #expect(!advice.offered.contains { $0.needs.contains("domain-name") && $0.cost.model == .paid })
    }

    @Test("4. Nobody to run a server: server software only through a hosted offer the catalogue names")
    func noServerSoftware() {
        let advice = advise(
            merged(
                Self.club,
                [
                    "com-site-mise-a-jour": ["prestataire"], "reu-retour-absence": ["remonter-le-fil"],
                    "adh-liste": ["eparpillee"],
                    "mat-mises-a-jour": ["plus-de-mises-a-jour"], "reu-decisions": ["ok-sur-le-groupe"],
                ]))
        #expect(advice.all.count >= 4)
        for tool in advice.offered {
            #expect(tool.usableWithoutServer, "\(tool.slug)")
            if tool.selfHostable {
                #expect(!tool.hostedOffers.isEmpty, "\(tool.slug) is server software with no named offer")
            }
        }
        for slug in ["yeswiki", "galette", "gancio", "roundcube", "mattermost", "seafile"] {
            #expect(!advice.offered.map(\.slug).contains(slug), "\(slug)")
        }
    }

    @Test("5. The needs the answers make urgent come first: backup and domain before the taxonomy's order")
    func urgencyOrder() {
        let advice = advise(
            merged(
                Self.club,
                [
                    "fic-sauvegarde": ["rien"], "fic-restauration": ["perdu"],
                    "mel-domaine-titulaire": ["ancien-membre"],
                    "mel-domaine-renouvellement": ["a-la-main"], "fic-emplacement": ["eparpilles"],
                    "adh-liste": ["eparpillee"],
                    "reu-visio": ["improvisee"], "reu-coordination": ["mails-et-appels"],
                    "fic-coecriture": ["une-plume"],
                    "adh-comptabilite": ["cahier"], "reu-retour-absence": ["demander"],
                ]))
        let first = advice.all.prefix(5).map(\.need.id)
        #expect(first.contains("backup"), "\(first)")
        #expect(first.contains("domain-name") || advice.on("domain-name") == nil, "\(first)")
        #expect(advice.all.count > 5)  // more exists, and the report says so
    }

    @Test("6. A 300-member centre is not offered a space capped at 50 accounts")
    func sizeCap() {
        let advice = advise(
            merged(
                Self.club,
                [
                    "taille": ["200-et-plus"], "budget": ["10000-a-100000"], "salaries": ["3-a-9"],
                    "fic-emplacement": ["eparpilles"], "valeurs": ["essentiel"],
                ]))
        #expect(advice.on("file-sharing") != nil)
        #expect(!advice.offered.contains { $0.slug == "framaspace" })
        for tool in advice.offered { if let cap = tool.maxUsers { #expect(cap >= 500, "\(tool.slug)") } }
    }

    @Test("7. Windows computers: no Linux-only backup tool")
    func operatingSystem() throws {
        let advice = advise(
            merged(
                Self.club,
                ["usages": ["operating-system"], "outils-operating-system": ["windows"], "fic-sauvegarde": ["rien"]]))
        let backup = try #require(advice.on("backup"))
        for tool in [backup.advice.tool] + backup.alternatives {
            #expect(tool.slug != "deja-dup")
            if tool.kinds.allSatisfy({ $0 == .desktop }) && !tool.platforms.isEmpty {
                #expect(tool.platforms.contains(.windows), "\(tool.slug)")
            }
        }
    }

    @Test(
        "8. Ciel for accounting is known: kept when values matter little; with strong values, an alternative with the year-end advice"
    )
    func cielKnown() throws {
        let kept = advise(
            merged(
                Self.club,
                [
                    "budget": ["1000-a-10000"], "usages": ["accounting"], "outils-accounting": ["ciel-associations"],
                    "adh-comptabilite": ["cahier"],
                ]))
        #expect(kept.on("accounting")?.advice == .keep(catalogue.tool("ciel-associations")!))
        let values = advise(
            merged(
                Self.club,
                [
                    "budget": ["1000-a-10000"], "valeurs": ["essentiel"], "aide-technique": ["un-membre"],
                    "appetence": ["curiosite"],
                    "usages": ["accounting"], "outils-accounting": ["ciel-associations"],
                    "adh-comptabilite": ["cahier"],
                ]))
        let accounting = try #require(values.on("accounting"))
        guard case .suggest(let tool) = accounting.advice else {
            Issue.record("expected a suggestion, got \(accounting.advice)")
            return
        }
        #expect(tool.freeSoftware)
        #expect(accounting.switching?.replacing == ["Ciel Associations"])
        #expect(accounting.switching?.note.contains("exercice") == true, "\(accounting.switching?.note ?? "")")
    }

    @Test("9. A tool the catalogue does not know: said so, and a path to compare")
    func uncatalogued() throws {
        let advice = advise(
            merged(
                Self.club, ["usages": ["accounting"], "outils-accounting": ["autre"], "adh-comptabilite": ["cahier"]]))
        let accounting = try #require(advice.on("accounting"))
        #expect(accounting.reasons.first == .uncataloguedInUse)
    }

    @Test(
        "10. Never keep a tool for a need it was not named under: Facebook for the network is not 'kept' for group chat"
    )
    func keepOnlyUnderItsNeed() {
        let advice = advise(
            merged(
                Self.club,
                [
                    "usages": ["social-networks"], "outils-social-networks": ["facebook"],
                    "reu-coordination": ["chacun-previent"],
                ]))
        #expect(advice.tags.contains("need:group-chat"))
        #expect(advice.on("group-chat")?.advice != .keep(catalogue.tool("facebook")!))
        #expect(advice.on("group-chat")?.advice.tool.slug != "facebook")
    }

    @Test("11. A sync service as the only backup: named honestly under file sharing, never kept as a backup")
    func syncIsNotBackup() throws {
        let advice = advise(
            merged(
                Self.club,
                [
                    "budget": ["1000-a-10000"], "usages": ["file-sharing"], "outils-file-sharing": ["google-drive"],
                    "fic-sauvegarde": ["synchronisation"],
                ]))
        let files = try #require(advice.on("file-sharing"))
        #expect(files.advice == .adjust(catalogue.tool("google-drive")!))
        #expect(files.concerns.contains { $0.risk == "risk:sync-only" })
        let backup = try #require(advice.on("backup"))
        #expect(backup.advice.tool.slug != "google-drive")
        #expect(
            !([backup.advice.tool] + backup.alternatives).contains {
                $0.needs.contains("file-sharing") && !$0.needs.contains("backup")
            })
    }

    @Test("12. WhatsApp and members' data: one honest line, Signal as the other path, never an order")
    func whatsappAndMemberData() throws {
        let advice = advise(
            merged(
                Self.club,
                [
                    "usages": ["group-chat"], "outils-group-chat": ["whatsapp"],
                    "rgpd-transmission": ["a-toute-l-equipe"],
                ]))
        let chat = try #require(advice.on("group-chat"))
        #expect(chat.advice == .adjust(catalogue.tool("whatsapp")!))
        #expect(chat.concerns.map(\.risk) == ["risk:data-overshared"])
        #expect(chat.switching != nil)
    }

    @Test("13. Already on Signal, no flagged risk: kept, and no 'WhatsApp vs Signal' sheet")
    func onSignal() {
        let advice = advise(
            merged(
                Self.club,
                ["usages": ["group-chat"], "outils-group-chat": ["signal"], "reu-coordination": ["groupe-et-relais"]]))
        #expect(advice.on("group-chat") == nil || advice.on("group-chat")?.advice == .keep(catalogue.tool("signal")!))
        let chatSheet = sheets.first { $0.slug == "messageries-instantanees" }!
        #expect(!chatSheet.isRelevant(to: advice.tags))
        let onWhatsApp = advise(merged(Self.club, ["usages": ["group-chat"], "outils-group-chat": ["whatsapp"]]))
        #expect(chatSheet.isRelevant(to: onWhatsApp.tags))
    }

    @Test("14. Never meeting remotely, no website, no online payment: not scored, not advised, no sheet on it")
    func notApplicable() {
        let answers = merged(
            Self.club,
            [
                "reu-visio": ["jamais"], "reu-decisions": ["jamais"], "com-site-mise-a-jour": ["pas-de-site"],
                "com-site-obligations": ["pas-de-site"],
                "adh-paiement-en-ligne": ["pas-de-besoin"], "reu-coordination": ["groupe-et-relais"],
                "reu-retour-absence": ["endroit-connu"],
            ])
        let advice = advise(answers)
        let meetings = advice.report.themes.first { $0.themeID == "reunions" }!
        #expect(meetings.score == 100)  // the two "never" answers stay out of the mean
        #expect(advice.on("video-meetings") == nil && advice.on("remote-votes") == nil)
        for slug in ["visio-et-ag-a-distance", "adhesions-et-dons-en-ligne"] {
            #expect(!sheets.first { $0.slug == slug }!.isRelevant(to: advice.tags), "\(slug)")
        }
    }

    @Test("15. Values never lower a level: the same practices, free software essential or not, give the same scores")
    func valuesDoNotGrade() {
        let base = merged(
            Self.club,
            Dictionary(
                uniqueKeysWithValues: questionnaire.themes.flatMap(\.questions).map { ($0.id, [$0.bestOption.id]) }))
        let caring = advise(
            merged(
                base,
                [
                    "valeurs": ["essentiel"], "sob-logiciels": ["surtout-libres"],
                    "sob-hebergement": ["chez-nous-ou-chatons"],
                ]))
        let indifferent = advise(
            merged(
                base,
                [
                    "valeurs": ["peu"], "sob-logiciels": ["surtout-proprietaires"],
                    "sob-hebergement": ["grands-services"],
                ]))
        #expect(caring.report.themes.map(\.score) == indifferent.report.themes.map(\.score))
        #expect(caring.report.level == indifferent.report.level)
    }

    @Test("16. Switching costs pair by pair: Doodle to Framadate says what moving from Doodle means")
    func pairwiseSwitching() throws {
        let advice = advise(
            merged(Self.club, ["valeurs": ["essentiel"], "usages": ["polls"], "outils-polls": ["doodle"]]))
        let polls = try #require(advice.on("polls"))
        guard case .suggest(let tool) = polls.advice else {
            Issue.record("expected a suggestion")
            return
        }
        let pair = try #require(tool.switchingFrom["doodle"], "\(tool.slug) has no note from Doodle")
        #expect(polls.switching?.note == pair)
    }

    @Test("17. Ten employees in a small volunteer group: tools are sized for the staff too")
    func staffCount() {
        let constraints = Constraints(tags: ["size:tiny", "staff:many"])
        #expect(constraints.people == 50)
        let advice = advise(
            merged(
                Self.club, ["taille": ["moins-de-10"], "salaries": ["10-et-plus"], "mdp-conservation": ["une-tete"]]))
        for tool in advice.offered where tool.cost.model == .freemium {
            #expect((tool.freeTierUsers ?? 0) >= 50, "\(tool.slug)")
        }
    }

    @Test("18. Its own server and a member to run it: the backup advice is a server tool, not a desktop one")
    func serverBackup() throws {
        let advice = advise(
            merged(
                Self.club,
                [
                    "aide-technique": ["un-membre"], "appetence": ["curiosite"], "temps": ["projet"],
                    "budget": ["1000-a-10000"], "usages": ["file-sharing"],
                    "outils-file-sharing": ["propre-serveur"], "fic-sauvegarde": ["copie-a-cote"],
                ]))
        let backup = try #require(advice.on("backup"))
        #expect(backup.advice.tool.kinds.contains(.server), "\(backup.advice.tool.slug)")
        #expect(backup.concerns.contains { $0.risk == "risk:backup-same-place" })
    }
}
