/// From the national mediation schema's values to data·inclusion's codes (schema 1.0.10), after the
/// tables data·inclusion itself uses to import that schema (gip-inclusion/data-inclusion, dbt models
/// `_map_mediation_numerique__*`). A value without an equivalent maps to nothing.
public enum DataInclusionMapping {
    public static let thematiques: [String: [String]] = [
        "Accès internet et matériel informatique": [
            "numerique--acceder-a-une-connexion-internet", "numerique--acquerir-un-equipement",
        ],
        "Acquisition de matériel informatique à prix solidaire": ["numerique--acquerir-un-equipement"],
        "Aide aux démarches administratives": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "numerique--acceder-a-des-services-en-ligne",
        ],
        "Compréhension du monde numérique": ["numerique--maitriser-les-fondamentaux-du-numerique"],
        "Insertion professionnelle via le numérique": [
            "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
            "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
        "Loisirs et créations numériques": [
            "remobilisation--activites-sportives-et-culturelles", "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
        "Maîtrise des outils numériques du quotidien": [
            "numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne",
        ],
        "Parentalité et éducation avec le numérique": [
            "famille--soutien-a-la-parentalite-et-a-leducation", "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
        "Utilisation sécurisée du numérique": ["numerique--maitriser-les-fondamentaux-du-numerique"],
    ]

    public static let publics: [String: String] = [
        "Seniors": "seniors", "Jeunes": "jeunes", "Étudiants": "etudiants", "Familles et/ou enfants": "familles",
        "Femmes": "femmes",
        "Surdité": "personnes-en-situation-de-handicap", "Handicaps moteurs": "personnes-en-situation-de-handicap",
        "Handicaps mentaux": "personnes-en-situation-de-handicap",
        "Déficience visuelle": "personnes-en-situation-de-handicap",
        "Langues étrangères (anglais)": "personnes-exilees", "Langues étrangères (autres)": "personnes-exilees",
    ]

    public static let modesMobilisation: [String: String] = [
        "Se présenter": "se-presenter", "Téléphoner": "telephoner", "Contacter par mail": "envoyer-un-courriel",
        "Envoyer un mail avec une fiche de prescription": "envoyer-un-courriel",
        "Prendre un RDV en ligne": "utiliser-lien-mobilisation",
    ]

    public static let modesAccueil: [String: String] = [
        "Accompagnement individuel": "en-presentiel", "Dans un atelier collectif": "en-presentiel",
        "En autonomie": "en-presentiel", "À distance": "a-distance",
    ]

    public static let reseauxProgrammes: [String: String] = [
        "Aidants Connect": "aidants-connect", "Conseillers numériques": "conseillers-numeriques",
        "France Services": "france-service",
        "Grande école du numérique": "grandes-ecoles-du-numerique", "La Croix Rouge": "croix-rouge",
    ]

    public static let reseauxTypologie: [String: String] = [
        "CS": "fcsf", "CSC": "fcsf", "EPN": "espaces-publics-numeriques", "EPI": "espaces-publics-numeriques",
        "ENM": "espaces-publics-numeriques",
        "RFS": "france-service", "MSAP": "msap", "MUNI": "communes", "MQ": "communes", "EPCI": "communes",
        "CD": "departements", "CDAS": "departements",
        "DEPT": "departements", "MDPH": "departements", "UDAF": "departements", "CAF": "caf", "EVS": "caf",
        "FT": "france-travail",
        "ML": "mission-locale", "PIJ_BIJ": "reseau-information-jeunesse", "PIMMS": "pimms-mediation",
        "LA_POSTE": "la-poste",
        "CCAS": "ccas-cias", "CIAS": "ccas-cias",
    ]

    /// data·inclusion's kinds of service (`type`); access to equipment counts as material help.
    public static func type(_ kind: PlaceService.Kind) -> String {
        switch kind {
        case .accompaniment: "accompagnement"
        case .workshop: "atelier"
        case .training: "formation"
        case .information: "information"
        case .equipment, .access: "aide-materielle"
        }
    }

    /// One value: paying as soon as any part is.
    public static func frais(_ fees: [String]) -> String? {
        if fees.contains("Payant") { return "payant" }
        return fees.isEmpty ? nil : "gratuit"
    }

    /// `tous-publics` alone when nothing specific is said (data·inclusion refuses it with other values).
    public static func publicsOf(_ place: Place) -> [String] {
        let codes = Set((place.audiences + place.specificSupport).compactMap { publics[$0] })
        return codes.isEmpty ? ["tous-publics"] : codes.sorted()
    }

    public static func reseaux(_ place: Place) -> [String] {
        Set(place.programmes.compactMap { reseauxProgrammes[$0] } + place.kinds.compactMap { reseauxTypologie[$0] })
            .sorted()
    }
}
