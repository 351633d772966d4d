import EclairageDomain
import Foundation
import Testing

@testable import EclairageWeb

extension TestApp {
    /// Answers page by page as a browser would: for each page, the given answers to the questions it shows.
    func answer(_ browser: Browser, id: String, _ answers: [String: [String]]) async throws {
        let questionnaire = services.questionnaire
        var sofar = Answers()
        for (index, page) in questionnaire.pages.enumerated() {
            let shown = questionnaire.shownQuestionIDs(page, answers: sofar)
            var pairs: [(String, String)] = [("direction", "next")]
            for question in shown { for option in answers[question] ?? [] { pairs.append(("q.\(question)", option)) } }
            let saved = try await browser.submit("/diagnostics/\(id)/etape/\(index + 1)", pairs: pairs)
            #expect(saved.status == .seeOther, "page \(index + 1): \(saved.status)")
            for question in shown { sofar.choices[question] = answers[question] }
        }
    }
}

/// Whole reports of contrasting associations, answers in, report out: the theme summaries, the steps,
/// the tools and the sheets must all follow from what was answered. Reviewed as snapshots
/// (`Tests/Snapshots/reports/`), with the rules that must hold in any case checked here.
@Suite("Whole reports of six contrasting associations")
struct ReportSnapshotTests {
    struct Persona: Sendable {
        let name: String
        let answers: [String: [String]]
        /// Sentences the report must and must not contain.
        let must: [String]
        let mustNot: [String]

        /// The answers given, with those to the questions of version 2026.3 (`newQuestions`).
        init(name: String, answers: [String: [String]], must: [String], mustNot: [String]) {
            self.name = name
            self.answers = answers.merging(ReportSnapshotTests.newQuestions[name] ?? [:]) { given, _ in given }
            self.must = must
            self.mustNot = mustNot
        }
    }

    static let personas: [Persona] = [
        Persona(
            name: "club-sportif-sans-budget",
            answers: [
                "taille": ["10-a-49"], "salaries": ["aucun"], "budget": ["aucun"], "departement": ["37"],
                "secteur": ["sport"],
                "appetence": ["inquietude"], "temps": ["quelques-heures"], "aide-technique": ["personne"],
                "valeurs": ["peu"],
                "usages": ["group-chat", "members", "accounting", "social-networks"], "outils-group-chat": ["whatsapp"],
                "outils-members": ["microsoft-excel"], "outils-accounting": ["microsoft-excel"],
                "outils-social-networks": ["facebook"],
                "mat-obtention": ["perso"], "mat-mises-a-jour": ["quand-on-y-pense"], "mat-partage": ["pas-besoin"],
                "mat-fin-de-vie": ["pas-encore"],
                "mel-adresse": ["generique-gratuite"], "mel-fournisseur": ["grand-service-gratuit"],
                "mel-domaine-titulaire": ["pas-de-domaine"], "mel-domaine-renouvellement": ["pas-de-domaine"],
                "mdp-conservation": ["une-tete"], "mdp-reutilisation": ["quelques-uns"],
                "mdp-acces-partages": ["une-seule-personne"], "mdp-double-authentification": ["non"],
                "fic-emplacement": ["eparpilles"], "fic-sauvegarde": ["rien"], "fic-restauration": ["jamais-essaye"],
                "fic-coecriture": ["pas-a-plusieurs"],
                "adh-liste": ["tableur-une-personne"], "adh-paiement-en-ligne": ["pas-de-besoin"],
                "adh-comptabilite": ["une-personne"], "adh-acces-banque": ["deux-personnes"],
                "com-site-mise-a-jour": ["pas-de-site"], "com-site-obligations": ["pas-de-site"],
                "com-reseau-ferme": ["difficilement"], "com-prevenir": ["groupe-de-discussion"],
                "reu-coordination": ["groupe-seul"], "reu-visio": ["jamais"], "reu-decisions": ["jamais"],
                "reu-retour-absence": ["demander"],
                "rgpd-registre": ["rien-d-ecrit"], "rgpd-consentement": ["rien"],
                "rgpd-transmission": ["a-toute-l-equipe"], "rgpd-violation": ["par-ou-commencer"],
                "sob-logiciels": ["ne-sait-pas"], "sob-hebergement": ["ne-sait-pas"], "sob-photos": ["tout-a-tous"],
                "gov-responsable": ["celui-qui-sait"], "gov-passation": ["de-vive-voix"],
                "gov-comptes-au-nom-de-l-asso": ["rarement"], "gov-apprendre": ["se-debrouille"],
                "gov-fraude-virement": ["une-personne"],
            ],
            must: [
                "gardez Microsoft Excel en changeant un usage", "Il n&#39;existe pas de copie",
                "Le fichier des membres n&#39;est que sur l&#39;ordinateur",
            ],
            mustNot: [
                "Visioconférence et assemblées générales à distance", "Adhésions et dons en ligne",
                "Discuter en groupe : gardez Facebook", "bons réflexes", "Sauvegardes : essayez Déjà Dup",
            ]),
        Persona(
            name: "centre-social-avec-salaries",
            answers: [
                "taille": ["200-et-plus"], "salaries": ["10-et-plus"], "budget": ["plus-de-100000"],
                "departement": ["69"], "secteur": ["social-solidarite"],
                "appetence": ["sans-passion"], "temps": ["quelques-demi-journees"],
                "aide-technique": ["structure-locale"], "valeurs": ["si-possible"],
                "usages": ["mail", "file-sharing", "members", "accounting", "video-meetings", "website", "passwords"],
                "outils-mail": ["outlook-com"], "outils-file-sharing": ["google-drive"],
                "outils-members": ["microsoft-excel"], "outils-accounting": ["ciel-associations"],
                "outils-video-meetings": ["microsoft-teams"], "outils-website": ["autre"],
                "outils-passwords": ["aucun"],
                "mat-obtention": ["neuf"], "mat-mises-a-jour": ["automatique"], "mat-partage": ["pret-organise"],
                "mat-fin-de-vie": ["recyclage"],
                "mel-adresse": ["domaine-asso"], "mel-fournisseur": ["grand-service-gratuit"],
                "mel-domaine-titulaire": ["prestataire"], "mel-domaine-renouvellement": ["automatique-asso"],
                "mdp-conservation": ["document-partage"], "mdp-reutilisation": ["quelques-uns"],
                "mdp-acces-partages": ["mail-sms-papier"], "mdp-double-authentification": ["oui-un-telephone"],
                "fic-emplacement": ["espace-asso"], "fic-sauvegarde": ["synchronisation"],
                "fic-restauration": ["jamais-essaye"], "fic-coecriture": ["document-en-ligne"],
                "adh-liste": ["outil-dedie"], "adh-paiement-en-ligne": ["a-peu-pres"],
                "adh-comptabilite": ["logiciel-partage"], "adh-acces-banque": ["deux-personnes"],
                "com-site-mise-a-jour": ["prestataire"], "com-site-obligations": ["en-partie"],
                "com-reseau-ferme": ["autres-canaux"], "com-prevenir": ["liste-de-diffusion"],
                "reu-coordination": ["groupe-et-relais"], "reu-visio": ["preparee"],
                "reu-decisions": ["cadre-et-outil"], "reu-retour-absence": ["endroit-connu"],
                "rgpd-registre": ["rien-d-ecrit"], "rgpd-consentement": ["mention-generale"],
                "rgpd-transmission": ["partage-restreint"], "rgpd-violation": ["relais"],
                "sob-logiciels": ["surtout-proprietaires"], "sob-hebergement": ["grands-services"],
                "sob-photos": ["lien"],
                "gov-responsable": ["binome"], "gov-passation": ["liste-a-jour"],
                "gov-comptes-au-nom-de-l-asso": ["tous"], "gov-apprendre": ["accompagnement"],
                "gov-fraude-virement": ["au-cas-par-cas"],
            ], must: ["Un espace synchronisé n&#39;est pas une sauvegarde", "Vous avez indiqué un autre outil"],
            mustNot: ["Vos fichiers sont rangés, sauvegardés et partagés", "Les bases sont là"]),
        Persona(
            name: "asso-culturelle-deja-libre",
            answers: [
                "taille": ["moins-de-10"], "salaries": ["aucun"], "budget": ["1000-a-10000"], "departement": ["35"],
                "secteur": ["culture"],
                "appetence": ["curiosite"], "temps": ["projet"], "aide-technique": ["un-membre"],
                "valeurs": ["essentiel"],
                "usages": ["group-chat", "file-sharing", "mail", "polls", "website"], "outils-group-chat": ["signal"],
                "outils-file-sharing": ["nextcloud"],
                "outils-mail": ["propre-serveur", "thunderbird"], "outils-polls": ["framadate"],
                "outils-website": ["propre-serveur"],
                "mat-obtention": ["reconditionne"], "mat-mises-a-jour": ["automatique"], "mat-partage": ["mutualise"],
                "mat-fin-de-vie": ["reemploi-efface"],
                "mel-adresse": ["domaine-asso"], "mel-fournisseur": ["auto-heberge"],
                "mel-domaine-titulaire": ["association"], "mel-domaine-renouvellement": ["automatique-asso"],
                "mdp-conservation": ["gestionnaire"], "mdp-reutilisation": ["tous-differents"],
                "mdp-acces-partages": ["acces-nominatifs"], "mdp-double-authentification": ["oui-partagee"],
                "fic-emplacement": ["espace-asso"], "fic-sauvegarde": ["copie-a-cote"],
                "fic-restauration": ["recupere"], "fic-coecriture": ["document-en-ligne"],
                "adh-liste": ["tableur-partage"], "adh-paiement-en-ligne": ["pas-de-besoin"],
                "adh-comptabilite": ["tableur-partage"], "adh-acces-banque": ["deux-personnes"],
                "com-site-mise-a-jour": ["rapide"], "com-site-obligations": ["verifie"],
                "com-reseau-ferme": ["pas-de-reseaux"], "com-prevenir": ["liste-de-diffusion"],
                "reu-coordination": ["groupe-et-relais"], "reu-visio": ["preparee"],
                "reu-decisions": ["mails-et-compte-rendu"], "reu-retour-absence": ["endroit-connu"],
                "rgpd-registre": ["registre"], "rgpd-consentement": ["mention-et-choix"],
                "rgpd-transmission": ["partage-restreint"], "rgpd-violation": ["procedure"],
                "sob-logiciels": ["surtout-libres"], "sob-hebergement": ["chez-nous-ou-chatons"],
                "sob-photos": ["lien"],
                "gov-responsable": ["binome"], "gov-passation": ["liste-a-jour"],
                "gov-comptes-au-nom-de-l-asso": ["tous"], "gov-apprendre": ["fiche"], "gov-fraude-virement": ["regle"],
            ], must: ["La copie est à côté de l&#39;original"],
            mustNot: ["Discuter en groupe : WhatsApp", "gardez Facebook"]),
        Persona(
            name: "partiel-cinq-reponses",
            answers: [
                "taille": ["10-a-49"], "budget": ["moins-de-1000"],
                "fic-emplacement": ["espace-asso"], "fic-sauvegarde": ["copie-reguliere"],
                "fic-restauration": ["recupere"], "fic-coecriture": ["document-en-ligne"],
                "mdp-conservation": ["gestionnaire"],
            ], must: ["Pas encore assez de réponses"], mustNot: ["level-badge", "continuez ainsi"]),
        Persona(
            name: "federation-incertaine",
            answers: [
                "taille": ["200-et-plus"], "salaries": ["3-a-9"], "budget": ["10000-a-100000"], "departement": ["75"],
                "secteur": ["education-jeunesse"],
                "appetence": ["tres-variable"], "temps": ["quelques-demi-journees"], "aide-technique": ["les-deux"],
                "valeurs": ["si-possible"],
                "usages": ["file-sharing", "video-meetings", "online-payments", "newsletter", "polls"],
                "outils-file-sharing": ["dropbox"],
                "outils-video-meetings": ["zoom"], "outils-online-payments": ["helloasso"], "outils-polls": ["doodle"],
            ].merging(
                Dictionary(
                    uniqueKeysWithValues: [
                        "mat-obtention", "mat-mises-a-jour", "mat-partage", "mat-fin-de-vie", "mel-adresse",
                        "mel-fournisseur", "mel-domaine-titulaire",
                        "mel-domaine-renouvellement", "mdp-conservation", "mdp-reutilisation", "mdp-acces-partages",
                        "mdp-double-authentification",
                        "fic-emplacement", "fic-sauvegarde", "fic-restauration", "fic-coecriture", "adh-liste",
                        "adh-comptabilite", "adh-acces-banque",
                        "com-site-mise-a-jour", "com-site-obligations", "com-reseau-ferme", "com-prevenir",
                        "reu-decisions", "reu-retour-absence",
                        "rgpd-registre", "rgpd-consentement", "rgpd-transmission", "sob-photos", "gov-passation",
                        "gov-comptes-au-nom-de-l-asso", "gov-fraude-virement",
                    ].map { ($0, ["ne-sait-pas"]) })
            ) { $1 }.merging([
                "adh-paiement-en-ligne": ["a-peu-pres"], "reu-coordination": ["mails-et-appels"],
                "reu-visio": ["improvisee"], "rgpd-violation": ["relais"],
                "gov-responsable": ["une-personne-designee"], "gov-apprendre": ["fiche"], "sob-logiciels": ["melange"],
                "sob-hebergement": ["en-europe"],
            ]) { $1 }, must: ["« je ne sais pas »", "À vérifier"], mustNot: []),
        Persona(
            name: "petite-asso-peu-numerique",
            answers: [
                "taille": ["moins-de-10"], "salaries": ["aucun"], "budget": ["aucun"], "departement": ["23"],
                "secteur": ["loisirs"],
                "appetence": ["inquietude"], "temps": ["pas-maintenant"], "aide-technique": ["personne"],
                "valeurs": ["ne-sait-pas"], "usages": ["aucun"],
                "mat-obtention": ["perso"], "mat-mises-a-jour": ["ne-sait-pas"], "mat-partage": ["pas-besoin"],
                "mat-fin-de-vie": ["pas-encore"],
                "mel-adresse": ["perso-une-personne"], "mel-fournisseur": ["fournisseur-internet"],
                "mel-domaine-titulaire": ["pas-de-domaine"], "mel-domaine-renouvellement": ["pas-de-domaine"],
                "mdp-conservation": ["une-tete"], "mdp-reutilisation": ["partout-le-meme"],
                "mdp-acces-partages": ["une-seule-personne"], "mdp-double-authentification": ["ne-sait-pas"],
                "fic-emplacement": ["papier"], "fic-sauvegarde": ["rien"], "fic-restauration": ["ne-sait-pas"],
                "fic-coecriture": ["une-plume"],
                "adh-liste": ["eparpillee"], "adh-paiement-en-ligne": ["pas-de-besoin"], "adh-comptabilite": ["cahier"],
                "adh-acces-banque": ["pas-en-ligne"],
                "com-site-mise-a-jour": ["pas-de-site"], "com-site-obligations": ["pas-de-site"],
                "com-reseau-ferme": ["pas-de-reseaux"], "com-prevenir": ["adresses-visibles"],
                "reu-coordination": ["mails-et-appels"], "reu-visio": ["jamais"], "reu-decisions": ["jamais"],
                "reu-retour-absence": ["demander"],
                "rgpd-registre": ["ne-sait-pas"], "rgpd-consentement": ["ne-sait-pas"],
                "rgpd-transmission": ["ne-sait-pas"], "rgpd-violation": ["par-ou-commencer"],
                "sob-logiciels": ["ne-sait-pas"], "sob-hebergement": ["ne-sait-pas"], "sob-photos": ["pas-de-photos"],
                "gov-responsable": ["personne"], "gov-passation": ["au-fur-et-a-mesure"],
                "gov-comptes-au-nom-de-l-asso": ["ne-sait-pas"], "gov-apprendre": ["se-debrouille"],
                "gov-fraude-virement": ["ne-sait-pas"],
            ],
            // no usage checked: the website's questions are folded away, what it says of its devices stays
            must: ["Ne vous concerne pas", "L&#39;association ne s&#39;est encore séparée d&#39;aucun appareil"],
            mustNot: ["Visioconférence et assemblées générales à distance", "Auto-héberger ses outils"]),
    ]

    /// The report's own part of the page, between the header and the footer.
    static func main(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The report before its first fold: what a reader sees without opening anything.
    static func firstScreen(_ report: String) -> String {
        guard let fold = report.range(of: "<section aria-labelledby=\"themes\">") else { return report }
        return String(report[..<fold.lowerBound])
    }

    /// The visible text of some HTML, tags removed and entities read.
    static func text(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: " ").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Words as the questionnaire's duration counts them: runs of letters or digits.
    static func words(_ html: String) -> Int { text(html).matches(of: /[\p{L}\p{N}]+/).count }

    /// The sentences of the page's text (full stops, question and exclamation marks), long enough to
    /// be more than a label.
    static func sentences(_ html: String) -> [String] {
        text(html).split(whereSeparator: { ".!?\n".contains($0) }).map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.filter { $0.count > 40 }
    }

    @Test("An employer with no register: the register step is among the three priorities, linked for members")
    func registerAmongPriorities() async throws {
        let persona = try #require(Self.personas.first { $0.name == "centre-social-avec-salaries" })
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answer(visitor, id: id, persona.answers)
            let page = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(page.status == .ok)
            #expect(Self.firstScreen(Self.main(page.text)).contains("Écrire la liste de vos fichiers de personnes"))
        }
        // a member reads the same report attached to the association: the step leads to its register
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Centre"]))
            let id = try await app.startDiagnostic(alice)
            try await app.answer(alice, id: id, persona.answers)
            let attached = try await alice.submit("/diagnostics/\(id)/rattacher", ["association": association])
            #expect(attached.status == .seeOther)
            let report = Self.main(try await alice.get("/diagnostics/\(id)/rapport").text)
            let step = try #require(report.range(of: "Écrire la liste de vos fichiers de personnes <span"))
            #expect(
                report[step.upperBound...].prefix(1500).contains(
                    #"<a href="/associations/\#(association)/registre">"#))
        }
    }

    @Test(
        "Answers in, report out: summaries, steps, tools and sheets follow from the answers",
        arguments: personas.map(\.name))
    func report(_ name: String) async throws {
        let persona = try #require(Self.personas.first { $0.name == name })
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answer(visitor, id: id, persona.answers)
            let page = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(page.status == .ok)
            let report = Self.main(page.text)
            for sentence in persona.must { #expect(report.contains(sentence), "\(name) lacks « \(sentence) »") }
            for sentence in persona.mustNot { #expect(!report.contains(sentence), "\(name) shows « \(sentence) »") }
            // under each theme, one paragraph per group, made of exactly the findings of the answers given
            let questionnaire = app.services.questionnaire
            let answers = Answers(persona.answers)
            let expected = questionnaire.themes.flatMap { theme in
                let f = ThemeFindings.of(theme, answers: answers)
                return [f.inPlace, f.toStrengthen, f.toCheck, f.notConcerned, f.preferences].filter { !$0.isEmpty }.map
                { $0.joined(separator: " ").plain }
            }
            let shown = report.matches(of: /<p class="finding"><strong>[^<]*<\/strong> ([^<]*)<\/p>/).map {
                String($0.1).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            }
            #expect(shown.count == expected.count, "\(name): \(shown.count) paragraphs for \(expected.count) groups")
            for line in shown { #expect(expected.contains(line), "\(name): « \(line) » is not what the answers say") }
            // a busy treasurer's first screen: level, three priorities and their first action, under 150 words
            let firstScreen = Self.firstScreen(report)
            #expect(Self.words(firstScreen) < 150, "\(name): \(Self.words(firstScreen)) words before the folds")
            #expect(firstScreen.matches(of: /<li class="[a-z]*"><h3>/).count <= 3)
            // everything else folded by theme, and nothing said twice
            #expect(report.matches(of: /<details id="theme-/).count == questionnaire.themes.count)
            let sentences = Self.sentences(report)
            let repeated = Dictionary(grouping: sentences, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(repeated.isEmpty, "\(name) repeats: \(repeated.sorted())")
            try Snapshot.check(report, named: "reports/\(name).html")
        }
    }
}
