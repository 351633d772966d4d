import EclairageDomain
import SQLKit

/// How long the instance keeps what it holds, table by table: the periods are here, in code, the hourly
/// housekeeping applies them, and `docs/RETENTION.md` (the instance's record of what it keeps, which
/// an administrator can print) is generated from them (`eclairage conservation`, checked by a test).
/// Every table of the schema belongs to exactly one rule: a test fails for a table a migration adds
/// until it is given one.
enum Retention {
    struct Rule: Sendable {
        /// What is kept, in the words of the people it concerns.
        let data: String
        let tables: [String]
        /// Why it is kept.
        let purpose: String
        /// How long, in words.
        let period: String
        /// Deletes or blanks what is past its period; nil when the data lives as long as what it belongs to.
        let purge: (@Sendable (_ now: Int64, _ sql: any SQLDatabase) async throws -> Void)?
    }

    static let day: Int64 = 24 * 3600
    static let year: Int64 = 365 * day

    static let rules: [Rule] = [
        Rule(
            data: "Comptes : nom affiché, adresse électronique, empreinte du mot de passe, rôles",
            tables: ["users"], purpose: "se connecter, être joint·e pour son compte",
            period: "tant que le compte existe ; chacun le supprime depuis « Mon compte »", purge: nil),
        Rule(
            data: "Sessions de connexion", tables: ["sessions"], purpose: "rester connecté·e",
            period: "jusqu'à leur fin (inactivité ou durée maximale), puis effacées dans l'heure",
            purge: { now, sql in try await SQLPersistDriver.purge(before: now, in: sql) }),
        Rule(
            data: "Compteurs de tentatives (adresse IP ou adresse électronique, nombre d'essais)",
            tables: ["rate_limits"], purpose: "limiter les abus (connexion, inscription, envois de courriels)",
            period: "24 heures après la fin de leur fenêtre",
            purge: { now, sql in try await RateLimitQueries.purge(before: now - day, in: sql) }),
        Rule(
            data: "Liens de réinitialisation du mot de passe", tables: ["password_resets"],
            purpose: "retrouver l'accès à son compte",
            period: "un jour après leur expiration",
            purge: { now, sql in try await PasswordResetQueries.purge(before: now - day, in: sql) }),
        Rule(
            data: "Demandes d'inscription en attente de confirmation (nom, adresse, empreinte du mot de passe)",
            tables: ["signup_requests"], purpose: "confirmer l'adresse avant de créer le compte",
            period: "jusqu'à l'expiration du lien",
            purge: { now, sql in try await SignUpQueries.purge(before: now, in: sql) }),
        Rule(
            data:
                "Associations, membres et ce qu'elles notent : profil, feuille de route (étapes, temps passé, propositions des conseillers), inventaire et titulaires, passations, registre des traitements, violations de données, demandes d'exercice des droits et leurs rappels, rappels d'échéances, accès accordés aux structures",
            tables: [
                "associations", "memberships", "plan_steps", "assets", "asset_holders", "asset_reminders",
                "deadline_reminders", "handovers",
                "handover_items",
                "processing_activities", "breaches", "rights_requests", "rights_request_reminders", "access_grants",
            ],
            purpose: "le diagnostic, l'inventaire et les registres de l'association",
            period: "tant que l'association existe sur l'instance ; effacés avec elle", purge: nil),
        Rule(
            data: "Invitations à rejoindre une association", tables: ["invitations"], purpose: "ajouter un·e membre",
            period: "jusqu'à l'expiration du lien",
            purge: { now, sql in try await InvitationQueries.purge(before: now, in: sql) }),
        Rule(
            data: "Diagnostics et réponses", tables: ["diagnostics", "diagnostic_answers"],
            purpose: "le rapport et son suivi dans le temps",
            period:
                "ceux d'une association : tant qu'elle existe ; les diagnostics anonymes : DIAGNOSTIC_RETENTION_DAYS jours (90 par défaut)",
            purge: { now, sql in try await DiagnosticQueries.purgeExpired(now: now, in: sql) }),
        Rule(
            data:
                "Chiffres de l'observatoire : pour chaque diagnostic terminé, le mois, le département, la taille, les scores, le niveau et des étiquettes (outils par usage, logiciel libre, points d'attention, difficultés), sans aucun texte libre ni identifiant ; le lien vers le diagnostic ou l'association est effacé avec eux. Les tableaux publiés en sont recalculés",
            tables: ["observatory_records", "observatory_cells", "observatory_years"],
            purpose: "l'observatoire du territoire (chiffres publiés seulement au-delà de 5 associations)",
            period:
                "\(ObservatoryRecord.keptYears) ans après le mois du diagnostic, puis effacés par le ménage horaire",
            purge: { now, sql in
                try await ObservatoryQueries.purge(before: ObservatoryRecord.oldestKeptMonth(now: now), in: sql)
            }),
        Rule(
            data: "Territoires dont l'observatoire est public (qui l'a décidé, quand)",
            tables: ["observatory_publications"], purpose: "publier l'observatoire d'un territoire",
            period: "tant que le réseau le laisse public", purge: nil),
        Rule(
            data:
                "Enquêtes de terrain du réseau (titre, introduction, territoire, dates, questions, compte qui l'a écrite)",
            tables: ["surveys"], purpose: "interroger les associations du territoire et publier les résultats",
            period: "tant que l'instance les garde ; le lien vers le compte qui l'a écrite est effacé avec lui",
            purge: nil),
        Rule(
            data:
                "Réponses aux enquêtes : choix, textes libres, département, et l'association ou l'empreinte d'un jeton de navigateur qui a répondu",
            tables: ["survey_responses"],
            purpose: "compter les réponses (chiffres publiés seulement au-delà de 5) et lire les textes libres",
            period:
                "\(SurveyRetention.keptYears) ans après la clôture de l'enquête, puis effacées par le ménage horaire",
            purge: { now, sql in
                try await SurveyQueries.purge(closedBefore: now - Int64(SurveyRetention.keptYears) * year, in: sql)
            }),
        Rule(
            data:
                "Badges : profil d'émetteur des structures (nom, site, adresse de contact, image), badges qu'elles définissent, formations qui leur sont confiées",
            tables: ["badge_issuers", "badge_classes", "badge_trainings"],
            purpose: "délivrer des badges vérifiables (norme Open Badges 2.0)",
            period: "tant que la structure existe ; effacés avec elle", purge: nil),
        Rule(
            data:
                "Badges décernés : adresse électronique de la personne, sel de son empreinte, badge, date, formation, retrait et sa raison",
            tables: ["badge_awards"],
            purpose: "que la personne garde, montre et fasse vérifier ses badges, sans compte",
            period:
                "jusqu'à ce que la personne demande leur suppression (depuis « Mes badges ») ou que la structure le retire ; un badge retiré reste un an, pour que sa vérification dise pourquoi, puis il est effacé par le ménage horaire",
            purge: { now, sql in try await BadgeQueries.purgeRevoked(before: now - year, in: sql) }),
        Rule(
            data: "Liens vers ses badges envoyés par courriel (empreinte du lien, adresse)",
            tables: ["badge_earner_links"],
            purpose: "retrouver ses badges sans compte", period: "sept jours, puis effacés par le ménage horaire",
            purge: { now, sql in try await BadgeQueries.purgeLinks(before: now, in: sql) }),
        Rule(
            data: "Structures d'accompagnement et leurs conseillers (nom, description, comptes rattachés)",
            tables: ["support_bodies", "advisors"], purpose: "accompagner les associations qui l'ont accepté",
            period: "tant que la structure existe", purge: nil),
        Rule(
            data: "Notes de suivi des conseillers (date, texte, durée ; certaines internes à la structure)",
            tables: ["advisor_notes"], purpose: "suivre l'accompagnement d'une association dans le temps",
            period: "tant que l'association et la structure existent ; effacées avec l'une ou l'autre", purge: nil),
        Rule(
            data:
                "Accompagnements clos par une structure (raison, qui, début et fin ; pas ceux qu'une association a retirés)",
            tables: ["closed_accompaniments"],
            purpose: "dire à l'association que l'accompagnement est clos, compter les accompagnements clos du bilan",
            period: "tant que la structure existe ; le lien à l'association s'efface avec elle", purge: nil),
        Rule(
            data: "Demandes d'accès des structures à une association (qui demande, message)",
            tables: ["access_requests"], purpose: "permettre à l'association d'accepter ou de refuser",
            period: "jusqu'à la réponse, 90 jours au plus",
            purge: { now, sql in try await AccessRequestQueries.purge(before: now - 90 * day, in: sql) }),
        Rule(
            data: "Invitations de conseillers (adresse électronique)", tables: ["advisor_invitations"],
            purpose: "rejoindre une structure",
            period: "jusqu'à l'expiration du lien",
            purge: { now, sql in try await AdvisorQueries.purgeInvitations(before: now, in: sql) }),
        Rule(
            data: "Journal des consultations par les conseillers (qui, quand, quoi)", tables: ["access_log"],
            purpose: "montrer à l'association qui a lu ses données", period: "un an",
            purge: { now, sql in try await AccessLogQueries.purge(before: now - year, in: sql) }),
        Rule(
            data: "Courriels à envoyer et envoyés (destinataire, objet, texte)", tables: ["outbox"],
            purpose: "envoyer les courriels même après un redémarrage",
            period:
                "30 jours après l'envoi ; ceux abandonnés après huit essais restent visibles de l'administrateur jusqu'à un nouvel essai",
            purge: { now, sql in try await OutboxQueries.purgeSent(before: now - 30 * day, in: sql) }),
        Rule(
            data: "Annuaire public des lieux (nom, adresse, contacts publiés par le lieu, horaires, services)",
            tables: ["places", "place_services", "directory_version"], purpose: "trouver de l'aide près de chez soi",
            period: "tant que le lieu est listé ; un lieu retiré reste masqué pour garder l'historique", purge: nil),
        Rule(
            data: "Historique des modifications de l'annuaire et coordonnées de qui les a proposées",
            tables: ["place_changes"], purpose: "modérer les propositions, revenir à un état antérieur",
            period:
                "l'historique tant que le lieu existe ; l'adresse de qui a proposé est effacée un an après la décision",
            purge: { now, sql in try await RetentionQueries.forgetProposers(decidedBefore: now - year, in: sql) }),
        Rule(
            data: "Liens de modification envoyés aux lieux (adresse du lieu)", tables: ["place_links"],
            purpose: "laisser un lieu corriger sa fiche sans compte",
            period: "jusqu'à l'expiration du lien (sept jours)",
            purge: { now, sql in try await RetentionQueries.purgePlaceLinks(before: now, in: sql) }),
        Rule(
            data: "Rappels de mise à jour envoyés aux lieux", tables: ["place_reminders"],
            purpose: "ne pas envoyer deux fois le même rappel",
            period: "un an après l'envoi",
            purge: { now, sql in try await RetentionQueries.purgePlaceReminders(before: now - year, in: sql) }),
        Rule(
            data: "Imports de l'annuaire : fichier déposé, lu ligne à ligne, avec ses erreurs",
            tables: ["directory_imports", "directory_import_rows", "directory_import_files"],
            purpose: "vérifier un fichier avant de l'appliquer, reprendre un import interrompu",
            period:
                "le fichier déposé : jusqu'à sa vérification ; les lignes : 90 jours après l'import s'il est appliqué ou abandonné ; le compte rendu (nombres) tant que l'instance existe",
            purge: { now, sql in try await RetentionQueries.purgeImportRows(createdBefore: now - 90 * day, in: sql) }),
        Rule(
            data: "Formations et ateliers de l'agenda public et leurs séances",
            tables: ["trainings", "training_sessions"],
            purpose: "annoncer les formations", period: "tant que le lieu qui les organise est listé", purge: nil),
        Rule(
            data: "Comptes gestionnaires d'un lieu (le lien entre le compte et le lieu, et comment il a été fait)",
            tables: ["place_managers"],
            purpose: "laisser l'équipe du lieu organiser ses formations et voir ses inscrit·es",
            period: "tant que le lieu et le compte existent, ou jusqu'au retrait par une éditrice ou un éditeur",
            purge: nil),
        Rule(
            data: "Inscriptions aux séances (nom, adresse électronique, présence)", tables: ["registrations"],
            purpose: "réserver une place, prévenir en cas de changement, la liste d'attente, la feuille de présence",
            period: "un an après la fin de la séance",
            purge: { now, sql in try await RetentionQueries.purgeRegistrations(sessionEndedBefore: now - year, in: sql)
            }),
        Rule(
            data:
                "Salles d'atelier en direct : ordre du jour, prénom ou pseudonyme des participant·es et empreinte de leur jeton de navigateur, mains levées et prises de parole, votes, décisions de l'animateur·rice hors de l'ordre de la file",
            tables: [
                "workshop_rooms", "workshop_agenda_items", "workshop_participants", "workshop_vote_options",
                "workshop_ballots", "workshop_hands", "workshop_overrides",
            ],
            purpose: "animer un atelier (file de parole, vote) et en donner le bilan, sans nom",
            period:
                "les noms : jusqu'à la fermeture de la salle (par l'animateur·rice, ou 24 heures après la séance) ; le reste, dont le bilan : 30 jours après la fermeture",
            purge: { now, sql in
                try await WorkshopClosing.closeLapsed(now: now, in: sql)
                try await WorkshopQueries.purge(closedBefore: now - 30 * day, in: sql)
            }),
        Rule(
            data:
                "Données techniques sans donnée personnelle : tâches programmées, versions du schéma, index de recherche du catalogue",
            tables: ["scheduled_jobs", "schema_migrations", "tool_search"], purpose: "faire tourner l'instance",
            period: "tant que l'instance existe", purge: nil),
    ]

    /// Applies every period (run hourly by the scheduler, one server per run).
    static func apply(now: Int64, in sql: any SQLDatabase) async throws {
        for rule in rules { try await rule.purge?(now, sql) }
    }

    /// The page of `docs/` that lists what the instance keeps and for how long.
    static func markdown() -> String {
        var lines = [
            "# Ce que l'instance conserve, et combien de temps",
            "",
            "Ce document est produit par le code (`Sources/EclairageWeb/Retention/Retention.swift`, commande",
            "`eclairage conservation`) : les durées qu'il donne sont celles que le ménage horaire applique.",
            "Il sert de base au registre des traitements de l'organisme qui héberge l'instance.",
            "",
            "| données | pourquoi | combien de temps | tables |",
            "|---|---|---|---|",
        ]
        for rule in rules {
            lines.append(
                "| \(rule.data) | \(rule.purpose) | \(rule.period) | \(rule.tables.map { "`\($0)`" }.joined(separator: ", ")) |"
            )
        }
        lines += [
            "",
            "Les sauvegardes (`eclairage backup`) contiennent ces données telles qu'elles sont au moment de la copie :",
            "l'organisme qui héberge l'instance fixe leur propre durée de conservation.", "",
        ]
        return lines.joined(separator: "\n")
    }
}

/// The record of what the instance keeps and for how long (Markdown), for the command line.
public func retentionRecord() -> String { Retention.markdown() }
